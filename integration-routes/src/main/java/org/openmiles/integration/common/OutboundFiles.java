package org.openmiles.integration.common;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The files a partner gets back in {@code outbound/}: {@code <file>.rejects.csv} (one row per
 * refused record: line, code, reason, original line) and {@code <file>.ack.csv} (status and
 * counts). Both are written under a temporary name and renamed, so a partner never reads half a
 * file.
 */
public final class OutboundFiles {
  private OutboundFiles() {}

  /**
   * Writes reject rows as they come. The file appears (renamed) only after {@link #complete()}; if
   * processing fails first, closing discards it, so a partner never sees rejects of a run that did
   * not finish.
   */
  public static final class RejectWriter implements Closeable {
    private final Path target;
    private final Path temp;
    private final CSVPrinter printer;
    private long rows;

    public RejectWriter(Path outbound, String inboundName) throws IOException {
      this.target = outbound.resolve(inboundName + ".rejects.csv");
      this.temp = outbound.resolve("." + inboundName + ".rejects.csv.tmp");
      BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
      this.printer =
          new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build());
      printer.printRecord("line", "code", "reason", "original_line");
    }

    public void reject(long line, String code, String reason, String original) throws IOException {
      printer.printRecord(line, code, reason, original);
      rows++;
    }

    private boolean complete;

    public long rows() {
      return rows;
    }

    /** The run finished: publish the file when closed. */
    public void complete() {
      complete = true;
    }

    @Override
    public void close() throws IOException {
      printer.close();
      if (complete) {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Writes the acknowledgement: one {@code key,value} row per entry, in the order given. */
  public static Path writeAck(Path outbound, String inboundName, Map<String, ?> entries)
      throws IOException {
    return writeKeyValues(outbound, inboundName + ".ack.csv", entries);
  }

  /**
   * Writes {@code fileName} in {@code outbound}: a {@code key,value} header, then one row per
   * entry.
   */
  public static Path writeKeyValues(Path outbound, String fileName, Map<String, ?> entries)
      throws IOException {
    Path target = outbound.resolve(fileName);
    Path temp = outbound.resolve("." + fileName + ".tmp");
    try (CSVPrinter p =
        new CSVPrinter(
            Files.newBufferedWriter(temp, StandardCharsets.UTF_8),
            CSVFormat.RFC4180.builder().setRecordSeparator("\n").build())) {
      p.printRecord("key", "value");
      for (var e : entries.entrySet()) {
        p.printRecord(e.getKey(), e.getValue());
      }
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }
}
