package org.openmiles.integration.common;

import java.math.BigDecimal;
import java.util.List;
import org.openmiles.integration.common.BoundedLineReader.Line;

/**
 * What the checking pass learns from a file's lines, one line at a time, keeping none of them: the
 * header, the number of detail records and their control total, the trailer. It decides without any
 * I/O whether the file is refused at a line ({@link #take}) or once all are read ({@link
 * #verdict}), so each refusal can be tested on its own.
 */
final class FileTally {
  private final Feed<?> feed;
  private final String sender;
  private boolean header;
  private long records;
  private BigDecimal total = BigDecimal.ZERO;
  private boolean verifiable = true;
  private Feed.Trailer trailer;
  private Line trailerLine;

  /** {@code feed} checks the header against {@code sender} and gives each record's amount. */
  FileTally(Feed<?> feed, String sender) {
    this.feed = feed;
    this.sender = sender;
  }

  /** The detail records counted so far. */
  long records() {
    return records;
  }

  /**
   * Counts one line; answers why the whole file is refused at it, or null if it is not. A detail
   * line that cannot be read is only counted: it is rejected alone in the second pass, and the
   * control total can then not be verified.
   */
  BadRecord take(Line line) {
    if (line.text().isBlank() && !line.tooLong()) {
      return null;
    }
    if (trailer != null) {
      return new BadRecord("DATA_AFTER_TRAILER", "there are lines after the trailer");
    }
    if (line.tooLong()) {
      if (!header) {
        return new BadRecord("MISSING_HEADER", "the first line is not a header");
      }
      unreadable(); // an enormous detail line
      return null;
    }
    List<String> f;
    try {
      f = Feed.fields(line.text());
    } catch (BadRecord e) {
      if (!header) {
        return e;
      }
      unreadable();
      return null;
    }
    try {
      if (!header) {
        feed.checkHeader(f, sender);
        header = true;
      } else if (f.get(0).equals("T")) {
        trailer = Feed.trailer(f);
        trailerLine = line;
      } else {
        records++;
        BigDecimal q = feed.controlAmount(f);
        if (q == null) {
          verifiable = false;
        } else {
          total = total.add(q);
        }
      }
      return null;
    } catch (BadRecord e) {
      return e;
    }
  }

  private void unreadable() {
    records++;
    verifiable = false;
  }

  /**
   * The outcome once every line is taken: no header (an empty file), no trailer (a truncated file),
   * a trailer whose count or total the records do not match, or a file that may be processed.
   * {@code lastLine} is the number of the file's last line, {@code checksum} its SHA-256.
   */
  FileCheck.Result verdict(String checksum, long lastLine) {
    if (!header) {
      return new FileCheck.Result(
          checksum, 0, FileCheck.EMPTY_FILE, "the file has no header and no records", 0, "", false);
    }
    if (trailer == null) {
      return new FileCheck.Result(
          checksum,
          records,
          "TRUNCATED_FILE",
          "the trailer line is missing: the file may be incomplete; send it again whole",
          lastLine,
          "",
          false);
    }
    if (trailer.count() != records) {
      return new FileCheck.Result(
          checksum,
          records,
          "CONTROL_COUNT_MISMATCH",
          "the trailer says " + trailer.count() + " records but the file has " + records,
          trailerLine.number(),
          trailerLine.text(),
          false);
    }
    if (verifiable && trailer.total().compareTo(total) != 0) {
      return new FileCheck.Result(
          checksum,
          records,
          "CONTROL_TOTAL_MISMATCH",
          "the trailer's total is "
              + trailer.total().toPlainString()
              + " but the records add up to "
              + total.toPlainString(),
          trailerLine.number(),
          trailerLine.text(),
          false);
    }
    return new FileCheck.Result(checksum, records, null, null, 0, null, verifiable);
  }
}
