package org.openmiles.program.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openmiles.common.ValidationException;

/**
 * Reads the fields of a proposed rule version as an owning module checks them: each value as text,
 * every broken field collected, so one refusal names them all ({@link #throwIfInvalid}). Unknown
 * field names are refused too.
 */
public final class VersionFields {
  private final Map<String, String> fields;
  private final Map<String, String> errors = new LinkedHashMap<>();

  /** The fields of a version of a kind whose fields are {@code known}. */
  public VersionFields(Map<String, String> fields, Set<String> known) {
    this.fields = fields;
    for (String f : fields.keySet()) {
      if (!known.contains(f)) {
        errors.put(f, "not a field of this rule (" + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
  }

  /** Whether the version has the field. */
  public boolean has(String field) {
    return text(field) != null;
  }

  /** A whole number from {@code min} to {@code max}; null if absent (an error if required). */
  public Long whole(String field, boolean required, long min, long max) {
    String v = text(field);
    if (v == null) {
      missing(field, required, "a whole number from " + min);
      return null;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.put(field, "a whole number from " + min + " to " + max + ", not " + v);
    return null;
  }

  /**
   * A decimal above 0 (or from 0 if {@code zero}) with at most {@code scale} decimals and {@code
   * integerDigits} digits before the point (a {@code numeric(integerDigits + scale, scale)}).
   */
  public BigDecimal decimal(
      String field, boolean required, boolean zero, int integerDigits, int scale) {
    String v = text(field);
    if (v == null) {
      missing(field, required, "a number");
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(v);
      boolean inRange = zero ? d.signum() >= 0 : d.signum() > 0;
      if (inRange && d.scale() <= scale && d.precision() - d.scale() <= integerDigits) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.put(
        field,
        "a number "
            + (zero ? "from 0" : "above 0")
            + " with at most "
            + scale
            + " decimals and "
            + integerDigits
            + " digits before the point, not "
            + v);
    return null;
  }

  /** Three capital letters (ISO 4217); null if absent (an error if required). */
  public String currency(String field, boolean required) {
    String v = text(field);
    if (v == null) {
      missing(field, required, "a currency");
      return null;
    }
    if (!v.matches("[A-Z]{3}")) {
      errors.put(field, "three capital letters (ISO 4217), such as VND or USD, not " + v);
      return null;
    }
    return v;
  }

  /**
   * One of {@code values} (any case, answered in upper case); null if absent (error if required).
   */
  public String choice(String field, boolean required, List<String> values) {
    String v = text(field);
    if (v == null) {
      missing(field, required, String.join(", ", values));
      return null;
    }
    String upper = v.toUpperCase(Locale.ROOT);
    if (values.contains(upper)) {
      return upper;
    }
    errors.put(field, "one of " + String.join(", ", values) + ", not " + v);
    return null;
  }

  /** A date as 2027-01-31; null if absent (an error if required). */
  public LocalDate date(String field, boolean required) {
    String v = text(field);
    if (v == null) {
      missing(field, required, "a date such as 2027-01-31");
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      errors.put(field, "a date such as 2027-01-31, not " + v);
      return null;
    }
  }

  /** true or false (any case); {@code otherwise} if absent. */
  public boolean yesNo(String field, boolean otherwise) {
    String v = text(field);
    if (v == null) {
      return otherwise;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
    }
    errors.put(field, "true or false, not " + v);
    return otherwise;
  }

  /**
   * Text matching {@code pattern} (upper-cased first when {@code upper}), described to people as
   * {@code what}; null if absent (an error if required).
   */
  public String matching(
      String field, boolean required, String pattern, boolean upper, String what) {
    String v = text(field);
    if (v == null) {
      missing(field, required, what);
      return null;
    }
    String value = upper ? v.toUpperCase(Locale.ROOT) : v;
    if (value.matches(pattern)) {
      return value;
    }
    errors.put(field, what + ", not " + v);
    return null;
  }

  /** Adds an error of the owning module's own rules (an order between versions, say). */
  public void refuse(String field, String reason) {
    errors.putIfAbsent(field, reason);
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  /** Refuses the version with every error found, if any. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private void missing(String field, boolean required, String what) {
    if (required) {
      errors.put(field, "required: " + what);
    }
  }

  private String text(String field) {
    String v = fields.get(field);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
