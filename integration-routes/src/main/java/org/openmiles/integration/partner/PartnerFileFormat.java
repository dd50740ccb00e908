package org.openmiles.integration.partner;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.ActivityAmount;
import org.openmiles.accrual.api.EarnBasis;
import org.openmiles.accrual.api.PartnerActivity;
import org.openmiles.common.text.Texts;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.integration.common.Feed;
import org.openmiles.integration.common.SegmentFields;

/**
 * The partner activity file, versions 1 and 2: one record per line, comma-separated with RFC 4180
 * quoting.
 *
 * <pre>
 * H,OPENMILES-PARTNER-ACTIVITY,&lt;1 or 2&gt;,&lt;partner code&gt;,&lt;file date yyyy-MM-dd&gt;,&lt;file reference&gt;
 * D,&lt;transaction id&gt;,&lt;member number&gt;,&lt;last name&gt;,&lt;activity date&gt;,&lt;basis&gt;,&lt;quantity&gt;,&lt;currency&gt;,&lt;description&gt;
 * R,&lt;transaction id&gt;,...                  version 2 only: takes back the record with that id
 * T,&lt;number of records&gt;,&lt;sum of quantities&gt;
 * </pre>
 *
 * A reversal {@code R} has the fields of a {@code D} record and repeats those of the record it
 * takes back (the description may differ); only its activity date is not held to the age limit.
 */
public final class PartnerFileFormat {
  public static final String NAME = "OPENMILES-PARTNER-ACTIVITY";
  public static final String VERSION = "1";

  /** Version 2: version 1 plus reversal records {@code R}. */
  public static final String VERSION_2 = "2";

  private static final BigDecimal MAX_QUANTITY = new BigDecimal("100000000");
  private static final BigDecimal MAX_DAYS = new BigDecimal("365");

  private PartnerFileFormat() {}

  /** Splits one line into fields (RFC 4180 quoting within the line). */
  public static List<String> fields(String line) throws BadRecord {
    return Feed.fields(line);
  }

  /**
   * Checks the header line against the partner whose folder the file came in; returns the file's
   * version ({@link #VERSION} or {@link #VERSION_2}).
   */
  public static String checkHeader(List<String> f, String partnerCode) throws BadRecord {
    if (f.isEmpty() || !f.get(0).equals("H")) {
      throw new BadRecord(
          "MISSING_HEADER", "the first line must be the header H," + NAME + "," + VERSION + ",...");
    }
    if (f.size() != 6 || !NAME.equals(f.get(1))) {
      throw new BadRecord(
          "BAD_HEADER",
          "the header must be H," + NAME + "," + VERSION + ",<partner>,<date>,<reference>");
    }
    if (!VERSION.equals(f.get(2)) && !VERSION_2.equals(f.get(2))) {
      throw new BadRecord(
          "UNSUPPORTED_VERSION",
          "format version " + f.get(2) + " is not supported; send version " + VERSION + " or 2");
    }
    if (!partnerCode.equals(f.get(3))) {
      throw new BadRecord(
          "WRONG_PARTNER",
          "the header names partner "
              + f.get(3)
              + " but the file came in the folder of "
              + partnerCode);
    }
    return f.get(2);
  }

  /** Checks a record type: {@code D} in every version, {@code R} (a reversal) in version 2 only. */
  public static void checkRecordType(String type, String version) throws BadRecord {
    if (type.equals("D") || (type.equals("R") && VERSION_2.equals(version))) {
      return;
    }
    throw new BadRecord(
        "UNKNOWN_RECORD_TYPE",
        VERSION_2.equals(version)
            ? "record type '" + type + "' is not D or R"
            : type.equals("R")
                ? "record type 'R' (reversal) needs a version 2 file; this file is version 1"
                : "record type '" + type + "' is not D");
  }

  /** The quantity of a detail line for the control total, or null if it is not a number. */
  public static BigDecimal quantityOf(List<String> f) {
    return f.size() > 6 ? Feed.decimal(f.get(6).strip()) : null;
  }

  /** 1-64 of A-Z a-z 0-9 . _ : / - (a loop rather than a regular expression per record). */
  static boolean isTxId(String tx) {
    int n = tx.length();
    if (n < 1 || n > 64) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = tx.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || ".:_/-".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Three letters A-Z. */
  static boolean isCurrency(String c) {
    return c.length() == 3 && upper(c.charAt(0)) && upper(c.charAt(1)) && upper(c.charAt(2));
  }

  private static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /**
   * Parses and checks one detail record {@code D}, or a reversal {@code R} (the first field says
   * which; {@link #checkRecordType} has let it through). A reversal's activity date is the date of
   * the record it takes back: it must be a real date, not in the future, but may be of any age.
   */
  public static PartnerActivity detail(
      List<String> f, String partnerCode, long line, LocalDate today, int maxAgeMonths)
      throws BadRecord {
    boolean reversal = f.get(0).equals("R");
    if (f.size() != 9) {
      throw new BadRecord(
          "WRONG_FIELD_COUNT",
          (reversal ? "a reversal record" : "a detail record")
              + " has 9 fields, this one has "
              + f.size());
    }
    String tx = f.get(1).strip();
    if (!isTxId(tx)) {
      throw new BadRecord(
          "INVALID_TRANSACTION_ID", "the transaction id must be 1-64 of A-Z a-z 0-9 . _ : / -");
    }
    MemberNumber member;
    try {
      member = new MemberNumber(f.get(2));
    } catch (RuntimeException e) {
      throw new BadRecord(
          "INVALID_MEMBER_NUMBER", "member number '" + f.get(2) + "': " + e.getMessage());
    }
    LocalDate date = SegmentFields.date(f.get(4), "activity date");
    if (date.isAfter(today)) {
      throw new BadRecord("FUTURE_DATE", "activity date " + date + " is in the future");
    }
    if (!reversal && date.isBefore(today.minusMonths(maxAgeMonths))) {
      throw new BadRecord(
          "TOO_OLD", "activity date " + date + " is more than " + maxAgeMonths + " months ago");
    }
    EarnBasis basis;
    try {
      basis = EarnBasis.valueOf(f.get(5).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRecord(
          "INVALID_BASIS", "basis '" + f.get(5) + "' must be STAY_NIGHT, RENTAL_DAY or SPEND");
    }
    BigDecimal quantity = quantityOf(f);
    if (quantity == null
        || quantity.signum() <= 0
        || quantity.compareTo(MAX_QUANTITY) > 0
        || quantity.scale() > 2) {
      throw new BadRecord(
          "INVALID_QUANTITY",
          "quantity '"
              + f.get(6)
              + "' must be a positive number of at most 100,000,000 with at most 2 decimals");
    }
    String currency = f.get(7).strip();
    if (basis == EarnBasis.SPEND) {
      if (!isCurrency(currency)) {
        throw new BadRecord(
            "INVALID_CURRENCY", "spend needs an ISO 4217 currency code, not '" + currency + "'");
      }
    } else {
      if (quantity.stripTrailingZeros().scale() > 0 || quantity.compareTo(MAX_DAYS) > 0) {
        throw new BadRecord(
            "INVALID_QUANTITY", "nights and days are whole numbers from 1 to 365, not " + f.get(6));
      }
      if (!currency.isEmpty()) {
        throw new BadRecord("INVALID_CURRENCY", "only SPEND records carry a currency");
      }
      currency = null;
    }
    String description = Texts.truncate(f.get(8).strip(), 100);
    return new PartnerActivity(
        partnerCode,
        tx,
        member,
        date,
        new ActivityAmount(basis, quantity, currency),
        description,
        line,
        f.get(3).strip(),
        reversal);
  }
}
