package org.openmiles.integration.common;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openmiles.common.csv.CsvCells;

/**
 * The files a partner gets back in {@code outbound/}: {@code <file>.rejects.csv} (one row per
 * refused record: line, code, reason, original line) and {@code <file>.ack.csv} (status and
 * counts). Both are written under a temporary name and renamed, so a partner never reads half a
 * file, and through {@link CsvCells}, so that no cell runs as a formula in a spreadsheet.
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
    private final Writer out;
    private long rows;

    public RejectWriter(Path outbound, String inboundName) throws IOException {
      this.target = outbound.resolve(inboundName + ".rejects.csv");
      this.temp = outbound.resolve("." + inboundName + ".rejects.csv.tmp");
      this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
      CsvCells.writeRow(out, "line", "code", "reason", "original_line");
    }

    public void reject(long line, String code, String reason, String original) throws IOException {
      CsvCells.writeRow(out, line, code, reason, original);
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
      out.close();
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
   * Answers an inbound entry that is refused without being read ({@link InboundEntries}): an
   * acknowledgement {@code REJECTED} with the refusal's code and reason, under {@code ackName} (the
   * entry's name, or for a hidden upload the name it was meant to get). The entry is never opened,
   * so nothing outside the sender's folders is read.
   */
  public static Path writeRefusal(
      Path outbound,
      String name,
      String ackName,
      String senderLabel,
      String sender,
      String format,
      InboundEntries.Refusal refusal)
      throws IOException {
    Map<String, Object> ack = new LinkedHashMap<>();
    ack.put("file", name);
    ack.put(senderLabel, sender);
    ack.put("format", format);
    ack.put("status", "REJECTED");
    ack.put("reason", refusal.code() + ": " + refusal.reason());
    return writeAck(outbound, ackName, ack);
  }

  /**
   * Writes {@code fileName} in {@code outbound}: a {@code key,value} header, then one row per
   * entry.
   */
  public static Path writeKeyValues(Path outbound, String fileName, Map<String, ?> entries)
      throws IOException {
    Path target = outbound.resolve(fileName);
    Path temp = outbound.resolve("." + fileName + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      CsvCells.writeRow(w, "key", "value");
      for (var e : entries.entrySet()) {
        CsvCells.writeRow(w, e.getKey(), e.getValue());
      }
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /** Writes the rows of a file, one call per row. */
  public interface Rows {
    void write(RowSink sink) throws IOException;
  }

  /** Takes one row's cells. */
  public interface RowSink {
    void row(Object... cells) throws IOException;
  }

  /**
   * Writes {@code fileName} in {@code outbound}: the {@code header}, then the rows {@code rows}
   * gives, under a temporary name renamed when complete (a failure leaves no file behind). Returns
   * the number of data rows.
   */
  public static long writeCsv(Path outbound, String fileName, Object[] header, Rows rows)
      throws IOException {
    Path target = outbound.resolve(fileName);
    Path temp = outbound.resolve("." + fileName + ".tmp");
    long[] count = {0};
    try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      CsvCells.writeRow(w, header);
      rows.write(
          cells -> {
            CsvCells.writeRow(w, cells);
            count[0]++;
          });
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return count[0];
  }
}
