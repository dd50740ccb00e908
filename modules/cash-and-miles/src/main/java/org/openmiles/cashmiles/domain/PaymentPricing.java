package org.openmiles.cashmiles.domain;

import java.util.Objects;
import org.openmiles.common.Money;

/**
 * What a payment's quote fixed when it was authorized: the quote's token, the split of the fare
 * between miles and cash, the taxes and fees (always cash), and the refund rules.
 */
public record PaymentPricing(
    String quoteToken, QuoteCalculator.Split split, Money taxesAndFees, RefundRules refunds) {

  public PaymentPricing {
    Objects.requireNonNull(quoteToken, "quoteToken");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(taxesAndFees, "taxesAndFees");
    Objects.requireNonNull(refunds, "refunds");
  }
}
