package org.openmiles.cashmiles.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The program's numbers in force when a quote was made, which every payment on it uses: the value
 * of a mile in the fare's currency, the range of miles, the hold lifetime and the refund rules.
 */
public record QuoteTerms(
    BigDecimal valuePerMile, QuoteCalculator.Range range, int holdTtlSeconds, RefundRules refunds) {

  public QuoteTerms {
    Objects.requireNonNull(valuePerMile, "valuePerMile");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(refunds, "refunds");
  }
}
