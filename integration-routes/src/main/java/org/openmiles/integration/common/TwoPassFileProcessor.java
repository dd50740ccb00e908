package org.openmiles.integration.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.FileRegistration;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.accrual.api.InboundFileSink;
import org.openmiles.common.Sha256;
import org.openmiles.common.tx.TransactionRetry;
import org.openmiles.integration.bootstrap.ContainerWork;
import org.openmiles.integration.common.BoundedLineReader.Line;

/**
 * Processes one inbound file of a {@link Feed} in two streaming passes, in constant memory whatever
 * its size.
 *
 * <ol>
 *   <li>Check: checksum, UTF-8, header, trailer last, record count and control total. A file that
 *       fails is refused whole: nothing from it is processed.
 *   <li>Process: parse each detail line; bad ones go to the reject file with their line number and
 *       reason; good ones go to the feed's sink in chunks, one transaction per chunk.
 * </ol>
 *
 * The file is registered by content first, so a re-sent or renamed copy is a duplicate, and a run
 * interrupted by a crash resumes without processing anything twice (the sink recognises records it
 * has seen). {@link #handle} answers the folder the file moves to afterwards: archive or rejects.
 *
 * @param <R> the feed's detail record
 */
public final class TwoPassFileProcessor<R> {
  private static final Logger LOG = Logger.getLogger(TwoPassFileProcessor.class.getName());

  /** The code of a file with no non-blank line. */
  static final String EMPTY_FILE = "EMPTY_FILE";

  /** The acknowledgement's {@code note} after a resumed run. */
  public static final String RESUMED_NOTE =
      "an interrupted run of this file was resumed; no record was processed twice";

  /** The acknowledgement's {@code control_total} when some control amounts are not numbers. */
  public static final String NOT_VERIFIABLE =
      "not verifiable: some control amounts are not numbers (see rejects)";

  private final Feed<R> feed;
  private final InboundFileSink<R> sink;
  private final FileSettings settings;
  private final Clock clock;
  private final ContainerWork container;

  public TwoPassFileProcessor(
      Feed<R> feed,
      InboundFileSink<R> sink,
      FileSettings settings,
      Clock clock,
      ContainerWork container) {
    this.feed = feed;
    this.sink = sink;
    this.settings = settings;
    this.clock = clock;
    this.container = container;
  }

  /** The outcome of the checking pass. */
  record Check(
      String checksum,
      long records,
      String code,
      String reason,
      long line,
      String original,
      boolean totalVerifiable) {
    boolean ok() {
      return code == null;
    }
  }

  /**
   * Processes one file from {@code sender}: writes its acknowledgement (and reject file) to {@code
   * outbound} and returns the folder it belongs in now, {@code archive} or {@code rejects}.
   */
  public String handle(Path path, String name, String sender, Path outbound) throws IOException {
    var refusal = InboundEntries.unreadable(path);
    if (refusal.isPresent()) {
      // a link (symbolic or hard) is never opened: it could read outside the sender's folders
      OutboundFiles.writeRefusal(
          outbound,
          name,
          name,
          feed.senderLabel(),
          sender,
          feed.formatName() + " " + feed.formatVersion(),
          refusal.get());
      LOG.warning(() -> sender + " file " + name + " refused unread: " + refusal.get().code());
      return "rejects";
    }
    long started = System.nanoTime();

    Check check = check(path, sender);
    // an empty file has no content to recognise: each one is answered EMPTY_FILE, never DUPLICATE
    String key = EMPTY_FILE.equals(check.code()) ? arrivalKey() : check.checksum();
    FileRegistration reg = tx(() -> sink.registerFile(sender, name, key));
    Map<String, Object> ack = new LinkedHashMap<>();
    ack.put("file", name);
    ack.put(feed.senderLabel(), sender);
    ack.put("format", feed.formatName() + " " + feed.formatVersion());
    ack.put("checksum_sha256", check.checksum());

    if (reg.status() == FileRegistration.Status.DUPLICATE) {
      ack.put("status", "DUPLICATE");
      ack.put("reason", duplicateReason(reg.previousFileId()));
      OutboundFiles.writeAck(outbound, name, ack);
      LOG.info(() -> sender + " file " + name + " is a duplicate of file " + reg.previousFileId());
      return "rejects";
    }
    ack.put("file_id", reg.fileId());
    if (!check.ok()) {
      tx(
          () -> {
            sink.rejectFile(
                reg.fileId(), check.code() + ": " + check.reason(), (int) check.records());
            return null;
          });
      try (var rejects = new OutboundFiles.RejectWriter(outbound, name)) {
        rejects.reject(check.line(), check.code(), check.reason(), check.original());
        rejects.complete();
      }
      ack.put("status", "REJECTED");
      ack.put("reason", check.code() + ": " + check.reason());
      ack.put("records", check.records());
      ack.put("miles_issued", 0);
      OutboundFiles.writeAck(outbound, name, ack);
      LOG.info(
          () ->
              sender + " file " + name + " refused whole: " + check.code() + " " + check.reason());
      return "rejects";
    }

    FileSummary summary;
    try {
      summary = credit(path, sender, name, reg, outbound);
      tx(
          () -> {
            sink.completeFile(reg.fileId(), summary);
            return null;
          });
    } catch (IOException | RuntimeException | Error e) {
      markFailed(reg.fileId(), e);
      throw e;
    }
    ack.put("status", "PROCESSED");
    if (reg.status() == FileRegistration.Status.RESUMED) {
      ack.put("note", RESUMED_NOTE);
    }
    ack.put("records", summary.records());
    ack.put("accepted", summary.accepted());
    ack.put("duplicates", summary.duplicates());
    ack.put("parked", summary.parked());
    ack.put("rejected", summary.rejected());
    ack.put("miles_issued", summary.milesIssued());
    ack.put("bonus_miles", summary.bonusMiles());
    if (summary.reversed() > 0) {
      ack.put("reversed", summary.reversed());
      ack.put("miles_reversed", summary.milesReversed());
    }
    ack.put("control_count", check.records());
    ack.put("control_total", check.totalVerifiable() ? "verified" : NOT_VERIFIABLE);
    OutboundFiles.writeAck(outbound, name, ack);
    long ms = (System.nanoTime() - started) / 1_000_000;
    LOG.info(
        () ->
            sender
                + " file "
                + name
                + ": "
                + summary.records()
                + " records, "
                + summary.accepted()
                + " credited ("
                + summary.milesIssued()
                + " miles, "
                + summary.bonusMiles()
                + " promotion bonus miles), "
                + summary.reversed()
                + " reversed, "
                + summary.duplicates()
                + " duplicates, "
                + summary.parked()
                + " parked, "
                + summary.rejected()
                + " rejected in "
                + ms
                + " ms");
    return "archive";
  }

  /** The acknowledgement's {@code reason} for a file whose content was received before. */
  public static String duplicateReason(long previousFileId) {
    return "the same content was already received (file id "
        + previousFileId
        + "); nothing was processed again";
  }

  /**
   * The key an empty file is registered under: one of its own for each arrival (a SHA-256 like a
   * content checksum), because every empty file has the same content and none is a duplicate.
   */
  private static String arrivalKey() {
    MessageDigest sha = sha256();
    sha.update(("empty file " + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    return hex(sha);
  }

  /**
   * Runs one unit of work as one container transaction (see {@link ContainerWork}), run again from
   * the start if PostgreSQL aborts it for a deadlock or a serialization failure (ADR 0023): each
   * unit (registering the file, a chunk, completing, refusing or failing the file) writes only to
   * the database in its transaction, and a chunk run again finds what it finds in a first run, so
   * repeating it is safe. A conflict then no longer stops the file.
   */
  private <T> T tx(java.util.concurrent.Callable<T> work) throws IOException {
    try {
      return TransactionRetry.run(
          feed.senderLabel() + " file unit", () -> container.inTransaction(work));
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pass 1: the whole file's shape, without keeping any of it. */
  Check check(Path path, String sender) throws IOException {
    MessageDigest sha = sha256();
    long records = 0;
    BigDecimal total = BigDecimal.ZERO;
    boolean verifiable = true;
    Feed.Trailer trailer = null;
    Line trailerLine = null;
    try (InputStream raw = Files.newInputStream(path);
        DigestInputStream digest = new DigestInputStream(raw, sha);
        Reader reader = strictUtf8(digest)) {
      BoundedLineReader lines = new BoundedLineReader(reader, settings.maxLineLength());
      Line line;
      boolean header = false;
      try {
        while ((line = lines.next()) != null) {
          if (line.text().isBlank() && !line.tooLong()) {
            continue;
          }
          if (trailer != null) {
            return fail(
                digest,
                sha,
                records,
                "DATA_AFTER_TRAILER",
                "there are lines after the trailer",
                line);
          }
          if (line.tooLong()) {
            if (!header) {
              return fail(
                  digest, sha, records, "MISSING_HEADER", "the first line is not a header", line);
            }
            records++; // an enormous detail line: rejected alone in pass 2
            verifiable = false;
            continue;
          }
          List<String> f;
          try {
            f = Feed.fields(line.text());
          } catch (BadRecord e) {
            if (!header) {
              return fail(digest, sha, records, e.code(), e.getMessage(), line);
            }
            records++;
            verifiable = false;
            continue;
          }
          if (!header) {
            try {
              feed.checkHeader(f, sender);
            } catch (BadRecord e) {
              return fail(digest, sha, records, e.code(), e.getMessage(), line);
            }
            header = true;
          } else if (f.get(0).equals("T")) {
            try {
              trailer = Feed.trailer(f);
              trailerLine = line;
            } catch (BadRecord e) {
              return fail(digest, sha, records, e.code(), e.getMessage(), line);
            }
          } else {
            records++;
            BigDecimal q = feed.controlAmount(f);
            if (q == null) {
              verifiable = false;
            } else {
              total = total.add(q);
            }
          }
        }
      } catch (CharacterCodingException e) {
        drain(digest);
        long bad = Utf8Lines.firstBadLine(path);
        return new Check(
            hex(sha),
            records,
            "ENCODING",
            "line " + bad + " has bytes that are not UTF-8; send the file as UTF-8",
            bad,
            "",
            false);
      }
      String checksum = hex(sha);
      if (!header) {
        return new Check(
            checksum, 0, EMPTY_FILE, "the file has no header and no records", 0, "", false);
      }
      if (trailer == null) {
        return new Check(
            checksum,
            records,
            "TRUNCATED_FILE",
            "the trailer line is missing: the file may be incomplete; send it again whole",
            lines.lineNumber(),
            "",
            false);
      }
      if (trailer.count() != records) {
        return new Check(
            checksum,
            records,
            "CONTROL_COUNT_MISMATCH",
            "the trailer says " + trailer.count() + " records but the file has " + records,
            trailerLine.number(),
            trailerLine.text(),
            false);
      }
      if (verifiable && trailer.total().compareTo(total) != 0) {
        return new Check(
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
      return new Check(checksum, records, null, null, 0, null, verifiable);
    }
  }

  private Check fail(
      DigestInputStream digest,
      MessageDigest sha,
      long records,
      String code,
      String reason,
      Line line)
      throws IOException {
    drain(digest); // the checksum covers the whole file
    return new Check(hex(sha), records, code, reason, line.number(), line.text(), false);
  }

  /**
   * Pass 2: process the records, chunk by chunk. This thread reads and parses; up to {@link
   * FileSettings#creditThreads()} chunks are credited at the same time, each in its own
   * transaction, so that parsing and the application's work on one chunk overlap with the
   * database's work on another. Results are taken in file order, so the reject file, the summary
   * and the acknowledgement are those of a one-at-a-time run (see {@link Crediting}).
   */
  private FileSummary credit(
      Path path, String sender, String name, FileRegistration reg, Path outbound)
      throws IOException {
    LocalDate today = LocalDate.now(clock);
    try (Reader reader = strictUtf8(Files.newInputStream(path));
        var rejects = new OutboundFiles.RejectWriter(outbound, name);
        Crediting crediting = new Crediting(reg, rejects)) {
      BoundedLineReader lines = new BoundedLineReader(reader, settings.maxLineLength());
      List<R> chunk = new ArrayList<>(settings.chunkSize());
      Map<Long, String> originals = new TreeMap<>();
      Map<Long, ActivityResult> badLines = new TreeMap<>();
      java.util.Set<String> txInChunk = new java.util.HashSet<>();
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
          txInChunk = new java.util.HashSet<>();
        }
      }
      crediting.submit(chunk, badLines, originals, txInChunk);
      FileSummary summary = crediting.finish();
      rejects.complete();
      return summary;
    }
  }

  /**
   * The chunks of one file on their way to the sink, credited by up to {@link
   * FileSettings#creditThreads()} threads. What keeps this equal to crediting one chunk after the
   * other:
   *
   * <ul>
   *   <li>Each chunk is still one transaction of the sink (records, ledger entries, one {@code
   *       MilesPosted}), so exactly-once rests on the same unique keys as before, and a crash
   *       leaves whole chunks committed; a resumed run recognises every committed record by its
   *       file and line, whichever chunks made it.
   *   <li>A chunk never runs beside an earlier chunk that has a record with the same identity (the
   *       feed's {@link Feed#identity}: partner transaction id, ticket + coupon): it waits until
   *       that chunk has committed, so a record repeated across chunks is found by the later line
   *       as in a sequential run, never the other way round.
   *   <li>Results are taken in file order: the reject file, the summary and the ack are written
   *       exactly as before.
   *   <li>Chunks running side by side lock ledger accounts in member id order (the ledger's rule),
   *       so they wait for each other rather than deadlock. Should they still collide elsewhere (a
   *       deadlock PostgreSQL breaks, for instance), the failed chunk has rolled back whole: it is
   *       credited again alone, after the chunks around it finished; only a second failure stops
   *       the file.
   * </ul>
   *
   * Memory stays bounded: at most {@code threads} chunks are in flight besides the one being read.
   */
  private final class Crediting implements AutoCloseable {
    private final FileRegistration reg;
    private final OutboundFiles.RejectWriter rejects;
    private final int threads = settings.creditThreads();
    private final java.util.concurrent.ExecutorService pool;
    private final java.util.ArrayDeque<InFlight> inFlight = new java.util.ArrayDeque<>();
    private FileSummary summary = FileSummary.empty();

    /** A chunk handed to a crediting thread, with what its results are written with. */
    private final class InFlight {
      final List<R> work;
      final java.util.Set<String> identities;
      final Map<Long, ActivityResult> badLines;
      final Map<Long, String> originals;
      final java.util.concurrent.Future<List<ActivityResult>> future;

      InFlight(
          List<R> work,
          java.util.Set<String> identities,
          Map<Long, ActivityResult> badLines,
          Map<Long, String> originals) {
        this.work = work;
        this.identities = identities;
        this.badLines = badLines;
        this.originals = originals;
        this.future =
            work.isEmpty()
                ? java.util.concurrent.CompletableFuture.completedFuture(List.of())
                : pool == null ? completedNow(work) : pool.submit(() -> creditChunk(work));
      }
    }

    Crediting(FileRegistration reg, OutboundFiles.RejectWriter rejects) {
      this.reg = reg;
      this.rejects = rejects;
      this.pool =
          threads == 1
              ? null
              : java.util.concurrent.Executors.newFixedThreadPool(
                  threads, settings.creditThreadFactory());
    }

    private List<ActivityResult> creditChunk(List<R> work) throws IOException {
      return tx(() -> sink.credit(reg.fileId(), work));
    }

    /** One thread: credit right away, failures included (as a failed future). */
    private java.util.concurrent.Future<List<ActivityResult>> completedNow(List<R> work) {
      java.util.concurrent.CompletableFuture<List<ActivityResult>> f =
          new java.util.concurrent.CompletableFuture<>();
      try {
        f.complete(creditChunk(work));
      } catch (Exception e) {
        f.completeExceptionally(e);
      }
      return f;
    }

    /** Hands over a chunk (the caller starts new collections afterwards). */
    void submit(
        List<R> chunk,
        Map<Long, ActivityResult> badLines,
        Map<Long, String> originals,
        java.util.Set<String> identities)
        throws IOException {
      while (!inFlight.isEmpty() && (inFlight.size() >= threads || sharesRecords(identities))) {
        takeOldest();
      }
      inFlight.addLast(new InFlight(List.copyOf(chunk), identities, badLines, originals));
      if (pool == null) {
        takeOldest();
      }
    }

    private boolean sharesRecords(java.util.Set<String> identities) {
      for (InFlight f : inFlight) {
        for (String id : identities) {
          if (f.identities.contains(id)) {
            return true;
          }
        }
      }
      return false;
    }

    /** Waits for the oldest chunk, writes its rejects and adds it to the summary. */
    private void takeOldest() throws IOException {
      InFlight f = inFlight.removeFirst();
      List<ActivityResult> results;
      try {
        results = f.future.get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (pool == null) { // one thread: the chunk ran alone, its failure stops the file
          throw rethrown(e.getCause());
        }
        // rolled back whole: credit it again alone, once the chunks beside it are done
        awaitAll();
        LOG.info(
            () ->
                "chunk failed beside another one (" + e.getCause() + "); crediting it again alone");
        results = creditChunk(f.work);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while crediting");
      }
      Map<Long, ActivityResult> all = new TreeMap<>(f.badLines);
      for (ActivityResult r : results) {
        all.put(r.lineNumber(), r);
      }
      for (ActivityResult r : all.values()) {
        summary = summary.plus(r);
        if (r.outcome() == ActivityResult.Outcome.REJECTED) {
          rejects.reject(r.lineNumber(), r.code(), r.reason(), f.originals.get(r.lineNumber()));
        }
      }
    }

    private IOException rethrown(Throwable cause) throws IOException {
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }

    /** Waits until no chunk is running (results stay to be taken in order). */
    private void awaitAll() {
      for (InFlight other : inFlight) {
        try {
          other.future.get();
        } catch (java.util.concurrent.ExecutionException e) {
          // taken (and retried) in its turn
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    FileSummary finish() throws IOException {
      while (!inFlight.isEmpty()) {
        takeOldest();
      }
      return summary;
    }

    /** Never leaves a chunk running after the file is given up: waits for them, then stops. */
    @Override
    public void close() {
      awaitAll();
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  /**
   * Shows the file as FAILED, with its cause, for the staff (file monitor, API); the route moves it
   * to {@code failed/}. If even that cannot be written (the database is down), the file stays
   * PROCESSING until it is sent again, which resumes it.
   */
  private void markFailed(long fileId, Throwable cause) {
    String reason =
        "a fault stopped the file ("
            + cause.getClass().getSimpleName()
            + "): "
            + cause.getMessage()
            + "; fix the cause and move the file back to inbound/ to resume it";
    try {
      tx(
          () -> {
            sink.failFile(fileId, reason);
            return null;
          });
    } catch (IOException | RuntimeException e) {
      LOG.warning(() -> "cannot mark file " + fileId + " failed: " + e);
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

  private static Reader strictUtf8(InputStream in) {
    return new java.io.BufferedReader(
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        64 * 1024);
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[64 * 1024];
    while (in.read(buf) != -1) {
      // reading to the end completes the checksum
    }
  }

  private static MessageDigest sha256() {
    return Sha256.newDigest();
  }

  private static String hex(MessageDigest sha) {
    return Sha256.hex(sha);
  }
}
