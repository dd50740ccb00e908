package org.openmiles.integration.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.accrual.api.InboundFileSink;
import org.openmiles.integration.common.BoundedLineReader.Line;

/**
 * The second pass of {@link TwoPassFileProcessor}, over a file the first pass accepted: this thread
 * reads and parses each detail line; a bad one goes to the reject file with its line number and
 * reason, good ones go to the feed's sink in chunks of {@link FileSettings#chunkSize()}, each
 * credited in its own transaction by {@link ChunkCrediting}. Results are taken in file order, so
 * the reject file and the summary are those of a one-at-a-time run.
 *
 * @param <R> the feed's detail record
 */
final class ChunkPipeline<R> {
  private final Feed<R> feed;
  private final InboundFileSink<R> sink;
  private final FileSettings settings;
  private final Clock clock;
  private final FileUnits units;

  ChunkPipeline(
      Feed<R> feed, InboundFileSink<R> sink, FileSettings settings, Clock clock, FileUnits units) {
    this.feed = feed;
    this.sink = sink;
    this.settings = settings;
    this.clock = clock;
    this.units = units;
  }

  /**
   * Processes the records of the file {@code sender} sent as {@code name}, registered as {@code
   * fileId}; writes {@code <name>.rejects.csv} to {@code outbound} and returns the counts.
   */
  FileSummary run(Path path, String sender, String name, long fileId, Path outbound)
      throws IOException {
    LocalDate today = LocalDate.now(clock);
    try (Reader reader = Utf8Lines.strictReader(Files.newInputStream(path));
        var rejects = new OutboundFiles.RejectWriter(outbound, name);
        ChunkCrediting<R> crediting =
            new ChunkCrediting<>(sink, units, fileId, rejects, settings)) {
      BoundedLineReader lines = new BoundedLineReader(reader, settings.maxLineLength());
      List<R> chunk = new ArrayList<>(settings.chunkSize());
      Map<Long, String> originals = new TreeMap<>();
      Map<Long, ActivityResult> badLines = new TreeMap<>();
      Set<String> txInChunk = new HashSet<>();
      Line line;
      boolean header = false;
      while ((line = lines.next()) != null) {
        if (line.text().isBlank() && !line.tooLong()) {
          continue;
        }
        if (!header) {
          header = true;
          continue;
        }
        if (line.tooLong()) {
          badLines.put(
              line.number(),
              ActivityResult.rejected(
                  line.number(),
                  "LINE_TOO_LONG",
                  "the line is longer than " + settings.maxLineLength() + " characters"));
          originals.put(
              line.number(), line.text().substring(0, Math.min(200, line.text().length())) + "...");
        } else {
          try {
            rejectControlCharacters(line.text());
            List<String> f = Feed.fields(line.text());
            if (f.get(0).equals("T")) {
              break;
            }
            feed.checkRecordType(f.get(0));
            R a = feed.detail(f, sender, line.number(), today);
            if (!txInChunk.add(feed.identity(a))) {
              throw new BadRecord(
                  "DUPLICATE_IN_FILE", "record " + feed.identity(a) + " appears twice in the file");
            }
            chunk.add(a);
            originals.put(line.number(), line.text());
          } catch (BadRecord e) {
            badLines.put(
                line.number(), ActivityResult.rejected(line.number(), e.code(), e.getMessage()));
            originals.put(line.number(), line.text());
          }
        }
        if (chunk.size() >= settings.chunkSize()) {
          crediting.submit(chunk, badLines, originals, txInChunk);
          chunk = new ArrayList<>(settings.chunkSize());
          badLines = new TreeMap<>();
          originals = new TreeMap<>();
          txInChunk = new HashSet<>();
        }
      }
      crediting.submit(chunk, badLines, originals, txInChunk);
      FileSummary summary = crediting.finish();
      rejects.complete();
      return summary;
    }
  }

  /**
   * A record line may not hold control characters other than tab: a NUL (valid UTF-8, but no text
   * column of the database takes it) or another one would break or garble what is stored.
   */
  static void rejectControlCharacters(String line) throws BadRecord {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\r') {
        throw new BadRecord(
            "CONTROL_CHARACTER",
            String.format(
                "the line has a control character (U+%04X) at position %d; remove it",
                (int) c, i + 1));
      }
    }
  }
}
