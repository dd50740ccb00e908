package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openmiles.program.api.VersionFields;

/**
 * New versions of the flight earn rules as a program manager proposes them (issue 20, ADR 0045):
 * the fields of a change request read and checked as the tables' constraints check a row (accrual
 * V1), every broken field reported at once ({@link org.openmiles.common.ValidationException} naming
 * each), unknown fields refused, so a bad version never reaches the table.
 */
public final class FlightRuleVersion {
  private FlightRuleVersion() {}

  /** The most a booking class's earn factor may be ({@code flight_earn_factor_earn_ck}). */
  public static final BigDecimal MAX_EARN_FACTOR = new BigDecimal("5");

  /** The most a segment may count for ({@code flight_earn_factor_segment_ck}). */
  public static final BigDecimal MAX_SEGMENT_FACTOR = new BigDecimal("2");

  /** The highest minimum miles per segment ({@code flight_earn_minimum_miles_ck}). */
  public static final long MAX_MINIMUM_MILES = 10_000;

  /** The earn models a carrier's flights may use ({@code flight_earn_model_model_ck}). */
  public static final Set<String> MODELS = Set.of("DISTANCE", "REVENUE");

  /**
   * A booking class's factors: base miles = distance × {@code earnFactor} (above 0, at most 5, two
   * decimals), and the segment counts {@code segmentFactor} qualifying flights (0 to 2).
   */
  public record Factors(BigDecimal earnFactor, BigDecimal segmentFactor) {}

  /** {@code earnFactor} and {@code segmentFactor}, checked. */
  public static Factors factors(Map<String, String> fields) {
    VersionFields f = new VersionFields(fields, Set.of("earnFactor", "segmentFactor"));
    BigDecimal earn = f.decimal("earnFactor", true, false, 2, 2);
    if (earn != null && earn.compareTo(MAX_EARN_FACTOR) > 0) {
      f.refuse("earnFactor", "at most 5 (500 % of the distance), not " + earn.toPlainString());
    }
    BigDecimal segment = f.decimal("segmentFactor", true, true, 1, 2);
    if (segment != null && segment.compareTo(MAX_SEGMENT_FACTOR) > 0) {
      f.refuse(
          "segmentFactor",
          "from 0 to 2 qualifying flights per segment, not " + segment.toPlainString());
    }
    f.throwIfInvalid();
    return new Factors(earn, segment);
  }

  /** {@code minimumMiles}: the floor on base miles per segment, 0 to 10,000, checked. */
  public static long minimumMiles(Map<String, String> fields) {
    VersionFields f = new VersionFields(fields, Set.of("minimumMiles"));
    Long miles = f.whole("minimumMiles", true, 0, MAX_MINIMUM_MILES);
    f.throwIfInvalid();
    return miles;
  }

  /** {@code milesPerUnit}: miles per unit of the base fare, above 0, two decimals, checked. */
  public static BigDecimal milesPerUnit(Map<String, String> fields) {
    VersionFields f = new VersionFields(fields, Set.of("milesPerUnit"));
    BigDecimal rate = f.decimal("milesPerUnit", true, false, 4, 2);
    f.throwIfInvalid();
    return rate;
  }

  /** {@code model}: DISTANCE or REVENUE (any case), checked. */
  public static String model(Map<String, String> fields) {
    VersionFields f = new VersionFields(fields, Set.of("model"));
    String v = fields.get("model");
    String model = v == null || v.isBlank() ? null : v.strip().toUpperCase(Locale.ROOT);
    if (model == null) {
      f.refuse("model", "required: DISTANCE or REVENUE");
    } else if (!MODELS.contains(model)) {
      f.refuse("model", "DISTANCE or REVENUE, not " + v.strip());
    }
    f.throwIfInvalid();
    return model;
  }
}
