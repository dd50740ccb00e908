package org.openmiles.redemption.api;

import org.openmiles.common.Money;

/**
 * An extension package on sale: up to {@code miles} expiring miles, {@code months} later, at a
 * price.
 */
public record ExtensionPackageView(String code, long miles, int months, Money price) {}
