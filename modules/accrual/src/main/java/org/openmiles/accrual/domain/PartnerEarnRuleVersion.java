package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openmiles.accrual.api.EarnBasis;
import org.openmiles.common.ValidationException;

/**
 * A new version of a partner's earn rule as a program manager proposes it (issue 20, ADR 0045): the
 * fields of a change request, read and checked the way {@code partner_earn_rule}'s constraints
 * check a row, every broken field reported at once, so the console can say all of it while the
 * manager types and a bad version never reaches the table. Fields: {@code basis} (STAY_NIGHT,
 * RENTAL_DAY, SPEND), {@code miles} (a whole number above 0), {@code perQuantity} (a number above
 * 0), {@code currency} (three capital letters, for SPEND only and required there), {@code
 * maxMilesPerRecord} (optional, a whole number above 0).
 */
public final class PartnerEarnRuleVersion {
  private PartnerEarnRuleVersion() {}

  /** The fields a version may have. */
  public static final Set<String> FIELDS =
      Set.of("basis", "miles", "perQuantity", "currency", "maxMilesPerRecord");

  /** The largest miles a rule may give per quantity or per record (what an int column holds). */
  private static final long MAX_MILES = Integer.MAX_VALUE;

  /** The rule {@code fields} describe, in force from {@code effectiveFrom} on. */
  public static PartnerEarnRule of(Map<String, String> fields, LocalDate effectiveFrom) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (String f : fields.keySet()) {
      if (!FIELDS.contains(f)) {
        errors.put(f, "not a field of a partner earn rule (" + String.join(", ", sorted()) + ")");
      }
    }
    EarnBasis basis = basis(fields.get("basis"), errors);
    Long miles = whole(fields, "miles", true, errors);
    BigDecimal perQuantity = positive(fields.get("perQuantity"), errors);
    String currency = trimmed(fields.get("currency"));
    if (basis == EarnBasis.SPEND && currency == null) {
      errors.put("currency", "required for a SPEND rule: the currency its spend is counted in");
    } else if (basis != null && basis != EarnBasis.SPEND && currency != null) {
      errors.put("currency", "only a SPEND rule counts money; leave it out for " + basis);
    } else if (currency != null && !currency.matches("[A-Z]{3}")) {
      errors.put("currency", "three capital letters (ISO 4217), such as VND or USD");
    }
    Long max = whole(fields, "maxMilesPerRecord", false, errors);
    if (effectiveFrom == null) {
      errors.put("effectiveFrom", "required: the date the version applies from");
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new PartnerEarnRule(basis, miles, perQuantity, currency, max, effectiveFrom, null);
  }

  private static List<String> sorted() {
    return FIELDS.stream().sorted().toList();
  }

  private static EarnBasis basis(String value, Map<String, String> errors) {
    String v = trimmed(value);
    if (v == null) {
      errors.put("basis", "required: STAY_NIGHT, RENTAL_DAY or SPEND");
      return null;
    }
    try {
      return EarnBasis.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.put("basis", "one of STAY_NIGHT, RENTAL_DAY, SPEND, not " + v);
      return null;
    }
  }

  private static Long whole(
      Map<String, String> fields, String field, boolean required, Map<String, String> errors) {
    String v = trimmed(fields.get(field));
    if (v == null) {
      if (required) {
        errors.put(field, "required: a whole number above 0");
      }
      return null;
    }
    try {
      long n = Long.parseLong(v);
      if (n < 1 || n > MAX_MILES) {
        errors.put(field, "a whole number from 1 to " + MAX_MILES + ", not " + v);
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      errors.put(field, "a whole number above 0, not " + v);
      return null;
    }
  }

  private static BigDecimal positive(String value, Map<String, String> errors) {
    String v = trimmed(value);
    if (v == null) {
      errors.put("perQuantity", "required: how much of the quantity earns the miles, above 0");
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(v);
      // numeric(18,2): at most 16 digits before the point and 2 after
      if (d.signum() <= 0 || d.scale() > 2 || d.precision() - d.scale() > 16) {
        errors.put("perQuantity", "a number above 0 with at most 2 decimals, not " + v);
        return null;
      }
      return d;
    } catch (NumberFormatException e) {
      errors.put("perQuantity", "a number above 0 with at most 2 decimals, not " + v);
      return null;
    }
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
