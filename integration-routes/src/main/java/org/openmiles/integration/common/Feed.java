package org.openmiles.integration.common;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openmiles.common.text.AsciiDecimal;

/**
 * The format of one kind of inbound file for {@link TwoPassFileProcessor}: a header line, detail
 * records and a trailer with the record count and a control total, comma-separated with RFC 4180
 * quoting. The feed says how to read its lines; its records go to an {@link
 * org.openmiles.accrual.api.InboundFileSink}; the processor does the rest the same way for every
 * feed: checksum, encoding, control totals, chunks, rejects, ack.
 *
 * @param <R> a well-formed detail record
 */
public interface Feed<R> {

  /** What the acknowledgement calls the sender: {@code partner}, {@code source}. */
  default String senderLabel() {
    return "sender";
  }

  /** The format's name as written in the header, e.g. {@code OPENMILES-PARTNER-ACTIVITY}. */
  String formatName();

  String formatVersion();

  /** Checks the header fields against the sender whose folder the file came in. */
  void checkHeader(List<String> fields, String sender) throws BadRecord;

  /**
   * The value of a detail line that the trailer's control total adds up, or null if it is not a
   * number (the total then cannot be verified; the line is rejected alone in the second pass).
   */
  BigDecimal controlAmount(List<String> fields);

  /**
   * Checks the record type (first field) of a line between header and trailer: only {@code D} by
   * default. A feed with more record types (partner files version 2 also carry {@code R} reversals)
   * accepts them here and tells them apart in {@link #detail}.
   */
  default void checkRecordType(String type) throws BadRecord {
    if (!type.equals("D")) {
      throw new BadRecord("UNKNOWN_RECORD_TYPE", "record type '" + type + "' is not D");
    }
  }

  /** Parses and checks one detail line (its first field is the record type). */
  R detail(List<String> fields, String sender, long line, LocalDate today) throws BadRecord;

  /** The record's identity within a file: a second line with the same one is rejected. */
  String identity(R record);

  /** The trailer's control values: number of detail records and their control total. */
  record Trailer(long count, BigDecimal total) {}

  /** Reads a trailer {@code T,<count>,<total>}. */
  static Trailer trailer(List<String> f) throws BadRecord {
    if (f.size() != 3) {
      throw new BadRecord("BAD_TRAILER", "the trailer must be T,<record count>,<control total>");
    }
    BigDecimal total = decimal(f.get(2));
    if (!AsciiDecimal.isDigits(f.get(1)) || f.get(1).length() > 18 || total == null) {
      throw new BadRecord(
          "BAD_TRAILER", "the trailer's count and total must be numbers of ASCII digits");
    }
    return new Trailer(Long.parseLong(f.get(1)), total);
  }

  /**
   * A number as the file formats write it ({@link AsciiDecimal}: ASCII digits, an optional minus
   * and decimal part), or null for anything else, such as {@code 2e0}, {@code +1} or digits of
   * other scripts.
   */
  static BigDecimal decimal(String s) {
    return AsciiDecimal.parse(s).orElse(null);
  }

  /**
   * Splits one line into fields (RFC 4180 quoting within the line). A line without quotes or line
   * breaks has no escaping to undo: its fields are exactly the text between the commas, which is
   * what Commons CSV returns for it, so it is cut directly (ADR 0017: a parser per line allocated
   * more per record than the rest of the file pipeline). Every other line goes through Commons CSV.
   */
  static List<String> fields(String line) throws BadRecord {
    if (!line.isEmpty() && isPlain(line)) {
      return splitPlain(line);
    }
    try (CSVParser p = CSVParser.parse(line, CSVFormat.RFC4180)) {
      List<CSVRecord> records = p.getRecords();
      if (records.size() != 1) {
        throw new BadRecord("MALFORMED_LINE", "expected one comma-separated record on the line");
      }
      return records.get(0).toList();
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      // the parser's message names its classes and counts lines of its own: not for partners
      throw new BadRecord(
          "MALFORMED_LINE",
          "the line is not valid CSV: a quoted field must end before the next comma, be closed on"
              + " the same line, and have each double quote inside it doubled (\"\")");
    }
  }

  private static boolean isPlain(String line) {
    // String.indexOf is vectorized by the JVM: three scans beat one charAt loop (ADR 0017 addendum)
    return line.indexOf('"') < 0 && line.indexOf('\n') < 0 && line.indexOf('\r') < 0;
  }

  private static List<String> splitPlain(String line) {
    List<String> out = new ArrayList<>(16);
    int start = 0;
    for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', start)) {
      out.add(line.substring(start, i));
      start = i + 1;
    }
    out.add(line.substring(start));
    return out;
  }

  /**
   * Checks the common header shape {@code H,<format>,<version>,<sender>,...} with {@code size}
   * fields.
   */
  static void checkHeader(List<String> f, String sender, String name, String version, int size)
      throws BadRecord {
    if (f.isEmpty() || !f.get(0).equals("H")) {
      throw new BadRecord(
          "MISSING_HEADER", "the first line must be the header H," + name + "," + version + ",...");
    }
    if (f.size() != size || !name.equals(f.get(1))) {
      throw new BadRecord(
          "BAD_HEADER",
          "the header must be H," + name + "," + version + ",<sender>,<date>,<reference>");
    }
    if (!version.equals(f.get(2))) {
      throw new BadRecord(
          "UNSUPPORTED_VERSION",
          "format version " + f.get(2) + " is not supported; send version " + version);
    }
    if (!sender.equals(f.get(3))) {
      throw new BadRecord(
          "WRONG_SENDER",
          "the header names sender " + f.get(3) + " but the file came in the folder of " + sender);
    }
  }
}
