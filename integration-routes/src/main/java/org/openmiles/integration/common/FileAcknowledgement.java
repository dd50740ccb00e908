package org.openmiles.integration.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openmiles.accrual.api.FileSummary;

/**
 * What the sender gets back in {@code outbound/} for one file that was read (docs/file-formats.md):
 * the acknowledgement, {@code <file>.ack.csv}, one row per entry in a fixed order, and for a file
 * refused whole its one-row reject file. The entries are decided here without I/O; {@link
 * OutboundFiles} writes them.
 */
final class FileAcknowledgement {
  /** The acknowledgement's {@code note} after a resumed run. */
  static final String RESUMED_NOTE =
      "an interrupted run of this file was resumed; no record was processed twice";

  /** The acknowledgement's {@code control_total} when some control amounts are not numbers. */
  static final String NOT_VERIFIABLE =
      "not verifiable: some control amounts are not numbers (see rejects)";

  private final Path outbound;
  private final String name;
  private final Map<String, Object> entries = new LinkedHashMap<>();

  /**
   * The answer to the file {@code name} that {@code sender} sent in {@code feed}'s format (as its
   * header gave it), with the file's checksum; written to {@code outbound}.
   */
  FileAcknowledgement(Path outbound, String name, Feed<?> feed, String sender, String checksum) {
    this.outbound = outbound;
    this.name = name;
    entries.put("file", name);
    entries.put(feed.senderLabel(), sender);
    entries.put("format", feed.formatName() + " " + feed.formatVersion());
    entries.put("checksum_sha256", checksum);
  }

  /** The acknowledgement's {@code reason} for a file whose content was received before. */
  static String duplicateReason(long previousFileId) {
    return "the same content was already received (file id "
        + previousFileId
        + "); nothing was processed again";
  }

  /** The entries so far, in their order. */
  Map<String, Object> entries() {
    return Collections.unmodifiableMap(entries);
  }

  /** The content was received before, as the file {@code previousFileId}. */
  FileAcknowledgement duplicate(long previousFileId) {
    entries.put("status", "DUPLICATE");
    entries.put("reason", duplicateReason(previousFileId));
    return this;
  }

  /** The file {@code fileId} failed the check: nothing from it was processed. */
  FileAcknowledgement refused(long fileId, FileCheck.Result check) {
    entries.put("file_id", fileId);
    entries.put("status", "REJECTED");
    entries.put("reason", check.code() + ": " + check.reason());
    entries.put("records", check.records());
    entries.put("miles_issued", 0);
    return this;
  }

  /**
   * The file {@code fileId} was processed ({@code resumed}: after an interrupted run) with these
   * counts; the control values are those of the check. Reversals are listed only if there were any.
   */
  FileAcknowledgement processed(
      long fileId, boolean resumed, FileSummary summary, FileCheck.Result check) {
    entries.put("file_id", fileId);
    entries.put("status", "PROCESSED");
    if (resumed) {
      entries.put("note", RESUMED_NOTE);
    }
    entries.put("records", summary.records());
    entries.put("accepted", summary.accepted());
    entries.put("duplicates", summary.duplicates());
    entries.put("parked", summary.parked());
    entries.put("rejected", summary.rejected());
    entries.put("miles_issued", summary.milesIssued());
    entries.put("bonus_miles", summary.bonusMiles());
    if (summary.reversed() > 0) {
      entries.put("reversed", summary.reversed());
      entries.put("miles_reversed", summary.milesReversed());
    }
    entries.put("control_count", check.records());
    entries.put("control_total", check.totalVerifiable() ? "verified" : NOT_VERIFIABLE);
    return this;
  }

  /** Writes the reject file of a file refused whole: its one row is the refusal. */
  void writeRefusalRejects(FileCheck.Result check) throws IOException {
    try (var rejects = new OutboundFiles.RejectWriter(outbound, name)) {
      rejects.reject(check.line(), check.code(), check.reason(), check.original());
      rejects.complete();
    }
  }

  /** Writes the acknowledgement. */
  void write() throws IOException {
    OutboundFiles.writeAck(outbound, name, entries);
  }
}
