package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import org.openmiles.accrual.api.EarnBasis;

/**
 * How many miles a partner record earns: {@code miles} for every whole {@code perQuantity} of the
 * record's quantity (partner miles round down), at most {@code maxMilesPerRecord} if set. SPEND
 * rules count money in their own currency only.
 */
public record PartnerEarnRule(
    EarnBasis basis,
    long miles,
    BigDecimal perQuantity,
    String currency,
    Long maxMilesPerRecord,
    LocalDate effectiveFrom,
    LocalDate effectiveTo) {

  public PartnerEarnRule {
    Objects.requireNonNull(basis);
    Objects.requireNonNull(perQuantity);
    Objects.requireNonNull(effectiveFrom);
  }

  /**
   * In force on {@code date}: from {@code effectiveFrom} inclusive to {@code effectiveTo}
   * exclusive.
   */
  public boolean appliesOn(LocalDate date) {
    return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
  }

  /** The miles for {@code quantity}; refuses a currency the rule does not count. */
  public long rate(BigDecimal quantity, String recordCurrency) {
    if (basis == EarnBasis.SPEND && !Objects.equals(currency, recordCurrency)) {
      throw new RatingException(
          "CURRENCY_MISMATCH",
          "spend must be in " + currency + " for this partner, not " + recordCurrency);
    }
    long units = quantity.divide(perQuantity, 0, RoundingMode.DOWN).longValueExact();
    long earned = Math.multiplyExact(units, miles);
    return maxMilesPerRecord == null ? earned : Math.min(earned, maxMilesPerRecord);
  }

  /** A record the rules cannot rate, with a stable code for the reject file. */
  public static final class RatingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public RatingException(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
