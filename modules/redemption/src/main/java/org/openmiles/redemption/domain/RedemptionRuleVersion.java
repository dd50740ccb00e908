package org.openmiles.redemption.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmiles.program.api.VersionFields;

/**
 * New versions of the redemption rules as a program manager proposes them (issue 20, ADR 0045): the
 * fields of a change request read and checked as the tables' constraints check a row (redemption V1
 * to V3), every broken field reported at once ({@link org.openmiles.common.ValidationException}
 * naming each), unknown fields refused, so a bad version never reaches the table.
 */
public final class RedemptionRuleVersion {
  private RedemptionRuleVersion() {}

  /** The most miles an award chart cell may cost ({@code award_chart_miles_ck}). */
  public static final long MAX_CHART_MILES = 10_000_000;

  /** The most ranges one version of a peak calendar may have. */
  public static final int MAX_PEAKS = 200;

  /** The longest name of a peak range ({@code peak_period.name}). */
  public static final int MAX_PEAK_NAME = 100;

  /** A range of travel dates priced at peak, both days included, and its name. */
  public record Peak(String name, LocalDate firstDay, LocalDate lastDay) {
    /** As a version's field names it: {@code 2027-01-23..2027-02-20 Tet 2027}. */
    @Override
    public String toString() {
      return firstDay + ".." + lastDay + " " + name;
    }

    public boolean meets(Peak other) {
      return !firstDay.isAfter(other.lastDay) && !other.firstDay.isAfter(lastDay);
    }
  }

  /** An expiry extension package: {@code miles} extended by {@code months} for a price. */
  public record ExtensionPackage(long miles, int months, BigDecimal price, String currency) {}

  /** {@code miles}: per passenger, above 0, at most 10,000,000 ({@code award_chart_miles_ck}). */
  public static long chartMiles(Map<String, String> fields) {
    VersionFields f = new VersionFields(fields, Set.of("miles"));
    Long miles = f.whole("miles", true, 1, MAX_CHART_MILES);
    f.throwIfInvalid();
    return miles;
  }

  /** {@code zone}: one of {@code zones} (an award zone's code). */
  public static String zone(Map<String, String> fields, List<String> zones) {
    VersionFields f = new VersionFields(fields, Set.of("zone"));
    String zone =
        f.matching("zone", true, "[A-Z][A-Z0-9_]{1,9}", true, "an award zone's code, such as SEA");
    if (zone != null && !zones.contains(zone)) {
      f.refuse("zone", "no award zone " + zone + " (" + String.join(", ", zones) + ")");
    }
    f.throwIfInvalid();
    return zone;
  }

  /**
   * {@code periods}: the whole calendar of the version, ranges separated by {@code ;} or new lines,
   * each {@code FIRST..LAST name} ({@code 2027-01-23..2027-02-20 Tet 2027}, both days included, the
   * name optional); none (absent or blank) = no peak dates. Sorted by first day.
   */
  public static List<Peak> peaks(Map<String, String> fields) {
    VersionFields f = new VersionFields(fields, Set.of("periods"));
    String text = fields.get("periods");
    List<Peak> peaks = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    for (String entry : text == null ? new String[0] : text.split("[;\\n]")) {
      String e = entry.strip();
      if (!e.isEmpty()) {
        Peak p = peak(e, broken);
        if (p != null) {
          peaks.add(p);
        }
      }
    }
    if (peaks.size() + broken.size() > MAX_PEAKS) {
      broken.add("at most " + MAX_PEAKS + " ranges in one version");
    }
    if (!broken.isEmpty()) {
      f.refuse(
          "periods",
          String.join("; ", broken)
              + " (each range FIRST..LAST name, such as 2027-01-23..2027-02-20 Tet 2027)");
    }
    f.throwIfInvalid();
    peaks.sort(Comparator.comparing(Peak::firstDay).thenComparing(Peak::lastDay));
    return List.copyOf(peaks);
  }

  /** The ranges as a version's field names them, sorted by first day. */
  public static Map<String, String> peakFields(List<Peak> peaks) {
    return Map.of("periods", peaks.stream().map(Peak::toString).collect(Collectors.joining("; ")));
  }

  private static Peak peak(String entry, List<String> broken) {
    String[] p = entry.split("\\s+", 2);
    String[] days = p[0].split("\\.\\.", -1);
    if (days.length != 2) {
      broken.add(entry + ": not FIRST..LAST");
      return null;
    }
    LocalDate first;
    LocalDate last;
    try {
      first = LocalDate.parse(days[0]);
      last = LocalDate.parse(days[1]);
    } catch (DateTimeParseException e) {
      broken.add(entry + ": dates such as 2027-01-23..2027-02-20");
      return null;
    }
    String name = p.length > 1 ? p[1].strip() : "";
    if (last.isBefore(first)) {
      broken.add(entry + ": the last day is before the first"); // peak_period_days_ck
    } else if (name.length() > MAX_PEAK_NAME) {
      broken.add(entry + ": a name of at most " + MAX_PEAK_NAME + " characters");
    } else {
      return new Peak(name.isEmpty() ? "Peak " + first + ".." + last : name, first, last);
    }
    return null;
  }

  /**
   * {@code miles} extended (above 0), {@code months} (1 to 120), {@code price} (from 0, 4 decimals)
   * and its {@code currency} ({@code extension_package_ck}).
   */
  public static ExtensionPackage extensionPackage(Map<String, String> fields) {
    VersionFields f = new VersionFields(fields, Set.of("miles", "months", "price", "currency"));
    Long miles = f.whole("miles", true, 1, Integer.MAX_VALUE);
    Long months = f.whole("months", true, 1, 120);
    BigDecimal price = f.decimal("price", true, true, 15, 4);
    String currency = f.currency("currency", true);
    f.throwIfInvalid();
    return new ExtensionPackage(miles, Math.toIntExact(months), price, currency);
  }

  /** A package's fields as a change request names them. */
  public static Map<String, String> packageFields(ExtensionPackage p) {
    return Map.of(
        "miles", Long.toString(p.miles()),
        "months", Integer.toString(p.months()),
        "price", p.price().stripTrailingZeros().toPlainString(),
        "currency", p.currency().toUpperCase(Locale.ROOT));
  }
}
