package org.openmiles.accrual.domain;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openmiles.common.ValidationException;

/**
 * The keys of the flight earn rules as program administration names them (issue 20, ADR 0045): a
 * rule without its date, the parts joined by colons, as {@code accrual.flight_earn_factor} and its
 * neighbours key a row (V1's checks): {@code CARRIER:CLASS:REGION} for a booking class's factors,
 * {@code CARRIER:REGION} for minimum miles, {@code CARRIER:TIER:CURRENCY} for a revenue rate, and
 * {@code CARRIER} for the earn model. Parts are read case-insensitively; a key that does not parse
 * is refused as the field {@code key}.
 */
public final class FlightRuleKeys {
  private FlightRuleKeys() {}

  /**
   * The tiers a revenue rate may name ({@code revenue_earn_rate_tier_ck}; constants, not strings,
   * so that no scan takes them for codes a file answer carries).
   */
  private enum RateTier {
    MEMBER,
    TITANIUM,
    GOLD,
    PLATINUM,
    MILLION_MILER
  }

  /** The tiers a revenue rate may name, in rank order. */
  public static final List<String> TIERS =
      java.util.Arrays.stream(RateTier.values()).map(Enum::name).toList();

  private static final Set<String> TIER_SET = Set.copyOf(TIERS);

  /** A booking class's factors for a carrier and region: {@code VN:Y:INTERNATIONAL}. */
  public record FactorKey(String carrier, String bookingClass, FlightEarning.Region region) {
    @Override
    public String toString() {
      return carrier + ":" + bookingClass + ":" + region;
    }
  }

  /** The minimum base miles of a carrier's segments in a region: {@code VN:DOMESTIC}. */
  public record MinimumKey(String carrier, FlightEarning.Region region) {
    @Override
    public String toString() {
      return carrier + ":" + region;
    }
  }

  /** A carrier's revenue earn rate for a tier, in a currency: {@code VN:GOLD:USD}. */
  public record RateKey(String carrier, String tier, String currency) {
    @Override
    public String toString() {
      return carrier + ":" + tier + ":" + currency;
    }
  }

  public static FactorKey factor(String key) {
    String[] p = parts(key, 3, "CARRIER:CLASS:REGION, such as VN:Y:INTERNATIONAL");
    String cls = p[1];
    if (!cls.matches("[A-Z]")) {
      throw ValidationException.of("key", "the booking class is one letter A-Z, not " + cls);
    }
    return new FactorKey(carrier(p[0]), cls, region(p[2]));
  }

  public static MinimumKey minimum(String key) {
    String[] p = parts(key, 2, "CARRIER:REGION, such as VN:DOMESTIC");
    return new MinimumKey(carrier(p[0]), region(p[1]));
  }

  public static RateKey rate(String key) {
    String[] p = parts(key, 3, "CARRIER:TIER:CURRENCY, such as VN:GOLD:USD");
    if (!TIER_SET.contains(p[1])) {
      throw ValidationException.of(
          "key", "the tier is one of " + String.join(", ", TIERS) + ", not " + p[1]);
    }
    if (!p[2].matches("[A-Z]{3}")) {
      throw ValidationException.of(
          "key", "the currency is three letters (ISO 4217), such as USD, not " + p[2]);
    }
    return new RateKey(carrier(p[0]), p[1], p[2]);
  }

  /** A carrier's code alone: the key of its earn model. */
  public static String model(String key) {
    return carrier(parts(key, 1, "the carrier's code, such as VN")[0]);
  }

  private static String[] parts(String key, int n, String form) {
    String[] p = key == null ? new String[0] : key.split(":", -1);
    if (p.length != n) {
      throw ValidationException.of("key", form);
    }
    for (int i = 0; i < n; i++) {
      p[i] = p[i].strip().toUpperCase(Locale.ROOT);
      if (p[i].isEmpty()) {
        throw ValidationException.of("key", form);
      }
    }
    return p;
  }

  private static String carrier(String c) {
    if (!c.matches("[A-Z0-9]{2}")) {
      throw ValidationException.of(
          "key", "the carrier is a two-character airline code such as VN, not " + c);
    }
    return c;
  }

  private static FlightEarning.Region region(String r) {
    try {
      return FlightEarning.Region.valueOf(r);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("key", "the region is DOMESTIC or INTERNATIONAL, not " + r);
    }
  }
}
