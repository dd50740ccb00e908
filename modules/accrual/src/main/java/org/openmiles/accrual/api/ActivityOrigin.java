package org.openmiles.accrual.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What accrual knows of a credited activity, found by the ledger reference of its base posting: a
 * flight (its marketing carrier as {@code partnerCode}, category {@code FLIGHT}) or a partner
 * record (the partner's code and kind: HOTEL, CAR, BANK, RETAIL, AIRLINE). {@code revenue} is what
 * the member paid, in the currency asked for: a flight's base fare, or a partner record's spend
 * when the partner earns on spend, converted by the same effective-dated rates as qualifying spend
 * (ADR 0020); {@code null} when it is not known (nights, rental days, a claim credited without a
 * fare, a currency with no rate on the day). {@code baseMiles} are the miles its base posting
 * credited (bonuses apart).
 */
public record ActivityOrigin(
    String reference,
    Kind kind,
    String partnerCode,
    String category,
    BigDecimal revenue,
    long baseMiles) {

  /** The two kinds of activity accrual credits. */
  public enum Kind {
    FLIGHT,
    PARTNER
  }

  public ActivityOrigin {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(partnerCode, "partnerCode");
    Objects.requireNonNull(category, "category");
  }
}
