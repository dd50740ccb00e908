package org.openmiles.integration.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.UUID;
import java.util.logging.Logger;
import org.openmiles.accrual.api.FileRegistration;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.accrual.api.InboundFileSink;
import org.openmiles.common.Sha256;
import org.openmiles.integration.bootstrap.ContainerWork;

/**
 * Processes one inbound file of a {@link Feed} in two streaming passes, in constant memory whatever
 * its size.
 *
 * <ol>
 *   <li>Check ({@link FileCheck}): checksum, UTF-8, header, trailer last, record count and control
 *       total. A file that fails is refused whole: nothing from it is processed.
 *   <li>Process ({@link ChunkPipeline}): parse each detail line; bad ones go to the reject file
 *       with their line number and reason; good ones go to the feed's sink in chunks, one
 *       transaction per chunk.
 * </ol>
 *
 * The file is registered by content first, so a re-sent or renamed copy is a duplicate, and a run
 * interrupted by a crash resumes without processing anything twice (the sink recognises records it
 * has seen). Each database step is a retried transaction ({@link FileUnits}); the sender's answer
 * is a {@link FileAcknowledgement}. {@link #handle} answers the folder the file moves to
 * afterwards: archive or rejects.
 *
 * @param <R> the feed's detail record
 */
public final class TwoPassFileProcessor<R> {
  private static final Logger LOG = Logger.getLogger(TwoPassFileProcessor.class.getName());

  /** The acknowledgement's {@code note} after a resumed run. */
  public static final String RESUMED_NOTE = FileAcknowledgement.RESUMED_NOTE;

  /** The acknowledgement's {@code control_total} when some control amounts are not numbers. */
  public static final String NOT_VERIFIABLE = FileAcknowledgement.NOT_VERIFIABLE;

  private final Feed<R> feed;
  private final InboundFileSink<R> sink;
  private final FileSettings settings;
  private final Clock clock;
  private final FileUnits units;

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
    this.units = new FileUnits(feed, container);
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

    FileCheck.Result check = new FileCheck(feed, settings.maxLineLength()).run(path, sender);
    // an empty file has no content to recognise: each one is answered EMPTY_FILE, never DUPLICATE
    String key = FileCheck.EMPTY_FILE.equals(check.code()) ? arrivalKey() : check.checksum();
    FileRegistration reg = units.run(() -> sink.registerFile(sender, name, key));
    var ack = new FileAcknowledgement(outbound, name, feed, sender, check.checksum());

    if (reg.status() == FileRegistration.Status.DUPLICATE) {
      ack.duplicate(reg.previousFileId()).write();
      LOG.info(() -> sender + " file " + name + " is a duplicate of file " + reg.previousFileId());
      return "rejects";
    }
    if (!check.ok()) {
      units.run(
          () -> {
            sink.rejectFile(
                reg.fileId(), check.code() + ": " + check.reason(), (int) check.records());
            return null;
          });
      ack.writeRefusalRejects(check);
      ack.refused(reg.fileId(), check).write();
      LOG.info(
          () ->
              sender + " file " + name + " refused whole: " + check.code() + " " + check.reason());
      return "rejects";
    }

    FileSummary summary;
    try {
      summary =
          new ChunkPipeline<>(feed, sink, settings, clock, units)
              .run(path, sender, name, reg.fileId(), outbound);
      units.run(
          () -> {
            sink.completeFile(reg.fileId(), summary);
            return null;
          });
    } catch (IOException | RuntimeException | Error e) {
      markFailed(reg.fileId(), e);
      throw e;
    }
    boolean resumed = reg.status() == FileRegistration.Status.RESUMED;
    ack.processed(reg.fileId(), resumed, summary, check).write();
    FileCounts.processed(summary);
    long ms = (System.nanoTime() - started) / 1_000_000;
    LOG.info(() -> sender + " file " + name + ": " + counts(summary) + " in " + ms + " ms");
    return "archive";
  }

  /** The counts of a processed file, as its log line gives them. */
  private static String counts(FileSummary summary) {
    return summary.records()
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
        + " rejected";
  }

  /** The acknowledgement's {@code reason} for a file whose content was received before. */
  public static String duplicateReason(long previousFileId) {
    return FileAcknowledgement.duplicateReason(previousFileId);
  }

  /**
   * The key an empty file is registered under: one of its own for each arrival (a SHA-256 like a
   * content checksum), because every empty file has the same content and none is a duplicate.
   */
  private static String arrivalKey() {
    MessageDigest sha = Sha256.newDigest();
    sha.update(("empty file " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    return Sha256.hex(sha);
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
      units.run(
          () -> {
            sink.failFile(fileId, reason);
            return null;
          });
    } catch (IOException | RuntimeException e) {
      LOG.warning(() -> "cannot mark file " + fileId + " failed: " + e);
    }
  }
}
