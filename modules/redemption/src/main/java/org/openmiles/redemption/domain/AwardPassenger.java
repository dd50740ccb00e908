package org.openmiles.redemption.domain;

/**
 * Who travels on an award, as stored: the passenger kind ({@code MEMBER} or a beneficiary's kind),
 * the name, and the beneficiary's id (null for the member).
 */
public record AwardPassenger(String kind, String name, Long beneficiaryId) {}
