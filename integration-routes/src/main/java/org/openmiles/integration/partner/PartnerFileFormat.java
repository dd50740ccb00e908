package org.openmiles.integration.partner;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.EarnBasis;
import org.openmiles.accrual.api.PartnerActivity;

/**
 * The partner activity file, version 1: one record per line, comma-separated with RFC 4180 quoting.
 *
 * <pre>
 * H,OPENMILES-PARTNER-ACTIVITY,1,&lt;partner code&gt;,&lt;file date yyyy-MM-dd&gt;,&lt;file reference&gt;
 * D,&lt;transaction id&gt;,&lt;member number&gt;,&lt;last name&gt;,&lt;activity date&gt;,&lt;basis&gt;,&lt;quantity&gt;,&lt;currency&gt;,&lt;description&gt;
 * T,&lt;number of D records&gt;,&lt;sum of quantities&gt;
 * </pre>
 */
public final class PartnerFileFormat {
  public static final String NAME = "OPENMILES-PARTNER-ACTIVITY";
  public static final String VERSION = "1";
  private static final Pattern TX_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final BigDecimal MAX_QUANTITY = new BigDecimal("100000000");
  private static final BigDecimal MAX_DAYS = new BigDecimal("365");

  private PartnerFileFormat() {}

  /** A record the format refuses, with a stable code and a reason the partner can act on. */
  public static final class BadRecord extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    public BadRecord(String code, String reason) {
      super(reason, null, false, false);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** Splits one line into fields (RFC 4180 quoting within the line). */
  public static List<String> fields(String line) throws BadRecord {
    try (CSVParser p = CSVParser.parse(line, CSVFormat.RFC4180)) {
      List<CSVRecord> records = p.getRecords();
      if (records.size() != 1) {
        throw new BadRecord("MALFORMED_LINE", "expected one comma-separated record on the line");
      }
      return records.get(0).toList();
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new BadRecord("MALFORMED_LINE", "the line is not valid CSV: " + e.getMessage());
    }
  }

  /** Checks the header line against the partner whose folder the file came in. */
  public static void checkHeader(List<String> f, String partnerCode) throws BadRecord {
    if (f.isEmpty() || !f.get(0).equals("H")) {
      throw new BadRecord(
          "MISSING_HEADER", "the first line must be the header H," + NAME + "," + VERSION + ",...");
    }
    if (f.size() != 6 || !NAME.equals(f.get(1))) {
      throw new BadRecord(
          "BAD_HEADER",
          "the header must be H," + NAME + "," + VERSION + ",<partner>,<date>,<reference>");
    }
    if (!VERSION.equals(f.get(2))) {
      throw new BadRecord(
          "UNSUPPORTED_VERSION",
          "format version " + f.get(2) + " is not supported; send version " + VERSION);
    }
    if (!partnerCode.equals(f.get(3))) {
      throw new BadRecord(
          "WRONG_PARTNER",
          "the header names partner "
              + f.get(3)
              + " but the file came in the folder of "
              + partnerCode);
    }
  }

  /** The trailer's control values: number of detail records and the sum of their quantities. */
  public record Trailer(long count, BigDecimal total) {}

  public static Trailer trailer(List<String> f) throws BadRecord {
    if (f.size() != 3) {
      throw new BadRecord(
          "BAD_TRAILER", "the trailer must be T,<record count>,<sum of quantities>");
    }
    try {
      return new Trailer(Long.parseLong(f.get(1)), new BigDecimal(f.get(2)));
    } catch (NumberFormatException e) {
      throw new BadRecord("BAD_TRAILER", "the trailer's count and total must be numbers");
    }
  }

  /** The quantity of a detail line for the control total, or null if it is not a number. */
  public static BigDecimal quantityOf(List<String> f) {
    try {
      return f.size() > 6 ? new BigDecimal(f.get(6).strip()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Parses and checks one detail record. */
  public static PartnerActivity detail(
      List<String> f, String partnerCode, long line, LocalDate today, int maxAgeMonths)
      throws BadRecord {
    if (f.size() != 9) {
      throw new BadRecord(
          "WRONG_FIELD_COUNT", "a detail record has 9 fields, this one has " + f.size());
    }
    String tx = f.get(1).strip();
    if (!TX_ID.matcher(tx).matches()) {
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
    LocalDate date;
    try {
      date = LocalDate.parse(f.get(4).strip());
    } catch (DateTimeParseException e) {
      throw new BadRecord(
          "INVALID_DATE", "activity date '" + f.get(4) + "' is not a date in the form yyyy-MM-dd");
    }
    if (date.isAfter(today)) {
      throw new BadRecord("FUTURE_DATE", "activity date " + date + " is in the future");
    }
    if (date.isBefore(today.minusMonths(maxAgeMonths))) {
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
      if (!CURRENCY.matcher(currency).matches()) {
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
    String description = f.get(8).strip();
    if (description.length() > 100) {
      description = description.substring(0, 100);
    }
    return new PartnerActivity(
        partnerCode, tx, member, date, basis, quantity, currency, description, line);
  }
}
