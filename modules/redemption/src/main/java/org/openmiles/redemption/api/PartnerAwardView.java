package org.openmiles.redemption.api;

/** A partner award (voucher) of the catalogue and its price in miles. */
public record PartnerAwardView(String code, String name, String partner, long miles) {}
