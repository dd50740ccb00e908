package org.openmiles.integration.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
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
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.apache.camel.Exchange;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.FileRegistration;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.accrual.api.PartnerActivity;
import org.openmiles.integration.bootstrap.ContainerWork;
import org.openmiles.integration.common.BoundedLineReader;
import org.openmiles.integration.common.BoundedLineReader.Line;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.OutboundFiles;
import org.openmiles.integration.partner.PartnerFileFormat.BadRecord;

/**
 * Processes one partner file in two streaming passes, in constant memory whatever its size.
 *
 * <ol>
 *   <li>Check: checksum, UTF-8, header, trailer last, record count and control total. A file that
 *       fails is refused whole: nothing from it is credited.
 *   <li>Credit: parse each detail line; bad ones go to the reject file with their line number and
 *       reason; good ones go to {@link PartnerAccrual} in chunks, one transaction per chunk.
 * </ol>
 *
 * The file is registered by content first, so a re-sent or renamed copy is a duplicate, and a run
 * interrupted by a crash resumes without crediting anything twice. Sets the header {@link
 * #FOLDER_HEADER} to the folder the file moves to afterwards: archive or rejects.
 */
@ApplicationScoped
public class PartnerFileProcessor {
  private static final Logger LOG = Logger.getLogger(PartnerFileProcessor.class.getName());
  public static final String FOLDER_HEADER = "openmilesFolder";

  @Inject PartnerAccrual accrual;
  @Inject FileSettings settings;
  @Inject Clock clock;
  @Inject ContainerWork container;

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

  /** The Camel entry: processes the exchange's file and says where it goes next. */
  public void process(Exchange exchange, String partnerCode) throws IOException {
    File file = exchange.getIn().getBody(File.class);
    String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
    exchange.getIn().setHeader(FOLDER_HEADER, handle(file.toPath(), name, partnerCode));
  }

  /**
   * Processes one file of a partner: writes its acknowledgement (and reject file) to {@code
   * outbound/} and returns the folder it belongs in now, {@code archive} or {@code rejects}.
   */
  public String handle(Path path, String name, String partnerCode) throws IOException {
    Path outbound = settings.partnerFolder(partnerCode, "outbound");
    heartbeat(path);
    long started = System.nanoTime();

    Check check = check(path, partnerCode);
    FileRegistration reg = tx(() -> accrual.registerFile(partnerCode, name, check.checksum()));
    Map<String, Object> ack = new LinkedHashMap<>();
    ack.put("file", name);
    ack.put("partner", partnerCode);
    ack.put("format", PartnerFileFormat.NAME + " " + PartnerFileFormat.VERSION);
    ack.put("checksum_sha256", check.checksum());

    if (reg.status() == FileRegistration.Status.DUPLICATE) {
      ack.put("status", "DUPLICATE");
      ack.put(
          "reason",
          "the same content was already received (file id "
              + reg.previousFileId()
              + "); nothing was credited again");
      OutboundFiles.writeAck(outbound, name, ack);
      LOG.info(
          () -> partnerCode + " file " + name + " is a duplicate of file " + reg.previousFileId());
      return "rejects";
    }
    ack.put("file_id", reg.fileId());
    if (!check.ok()) {
      tx(
          () -> {
            accrual.rejectFile(
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
              partnerCode
                  + " file "
                  + name
                  + " refused whole: "
                  + check.code()
                  + " "
                  + check.reason());
      return "rejects";
    }

    FileSummary summary = credit(path, partnerCode, name, reg, outbound);
    tx(
        () -> {
          accrual.completeFile(reg.fileId(), summary);
          return null;
        });
    ack.put("status", "PROCESSED");
    if (reg.status() == FileRegistration.Status.RESUMED) {
      ack.put("note", "an interrupted run of this file was resumed; no record was credited twice");
    }
    ack.put("records", summary.records());
    ack.put("accepted", summary.accepted());
    ack.put("duplicates", summary.duplicates());
    ack.put("parked", summary.parked());
    ack.put("rejected", summary.rejected());
    ack.put("miles_issued", summary.milesIssued());
    ack.put("bonus_miles", summary.bonusMiles());
    ack.put("control_count", check.records());
    ack.put(
        "control_total",
        check.totalVerifiable()
            ? "verified"
            : "not verifiable: some quantities are not numbers (see rejects)");
    OutboundFiles.writeAck(outbound, name, ack);
    long ms = (System.nanoTime() - started) / 1_000_000;
    LOG.info(
        () ->
            partnerCode
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

  /** Runs one unit of work as one container transaction (see {@link ContainerWork}). */
  private <T> T tx(java.util.concurrent.Callable<T> work) throws IOException {
    try {
      return container.inTransaction(work);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pass 1: the whole file's shape, without keeping any of it. */
  Check check(Path path, String partnerCode) throws IOException {
    MessageDigest sha = sha256();
    long records = 0;
    BigDecimal total = BigDecimal.ZERO;
    boolean verifiable = true;
    PartnerFileFormat.Trailer trailer = null;
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
            f = PartnerFileFormat.fields(line.text());
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
              PartnerFileFormat.checkHeader(f, partnerCode);
            } catch (BadRecord e) {
              return fail(digest, sha, records, e.code(), e.getMessage(), line);
            }
            header = true;
          } else if (f.get(0).equals("T")) {
            try {
              trailer = PartnerFileFormat.trailer(f);
              trailerLine = line;
            } catch (BadRecord e) {
              return fail(digest, sha, records, e.code(), e.getMessage(), line);
            }
          } else {
            records++;
            BigDecimal q = PartnerFileFormat.quantityOf(f);
            if (q == null) {
              verifiable = false;
            } else {
              total = total.add(q);
            }
          }
        }
      } catch (CharacterCodingException e) {
        drain(digest);
        return new Check(
            hex(sha),
            records,
            "ENCODING",
            "the file is not valid UTF-8 (after line " + lines.lineNumber() + "); send it as UTF-8",
            lines.lineNumber() + 1,
            "",
            false);
      }
      String checksum = hex(sha);
      if (!header) {
        return new Check(
            checksum, 0, "EMPTY_FILE", "the file has no header and no records", 0, "", false);
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
                + " but the quantities add up to "
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

  /** Pass 2: credit the records, chunk by chunk. */
  private FileSummary credit(
      Path path, String partnerCode, String name, FileRegistration reg, Path outbound)
      throws IOException {
    FileSummary summary = FileSummary.empty();
    LocalDate today = LocalDate.now(clock);
    try (Reader reader = strictUtf8(Files.newInputStream(path));
        var rejects = new OutboundFiles.RejectWriter(outbound, name)) {
      BoundedLineReader lines = new BoundedLineReader(reader, settings.maxLineLength());
      List<PartnerActivity> chunk = new ArrayList<>(settings.chunkSize());
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
            List<String> f = PartnerFileFormat.fields(line.text());
            if (f.get(0).equals("T")) {
              break;
            }
            if (!f.get(0).equals("D")) {
              throw new BadRecord("UNKNOWN_RECORD_TYPE", "record type '" + f.get(0) + "' is not D");
            }
            PartnerActivity a =
                PartnerFileFormat.detail(
                    f, partnerCode, line.number(), today, settings.maxAgeMonths());
            if (!txInChunk.add(a.partnerTxId())) {
              throw new BadRecord(
                  "DUPLICATE_IN_FILE",
                  "transaction " + a.partnerTxId() + " appears twice in the file");
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
          heartbeat(path);
          summary = flush(reg, chunk, badLines, originals, rejects, summary);
          txInChunk.clear();
        }
      }
      summary = flush(reg, chunk, badLines, originals, rejects, summary);
      rejects.complete();
    }
    return summary;
  }

  private FileSummary flush(
      FileRegistration reg,
      List<PartnerActivity> chunk,
      Map<Long, ActivityResult> badLines,
      Map<Long, String> originals,
      OutboundFiles.RejectWriter rejects,
      FileSummary summary)
      throws IOException {
    Map<Long, ActivityResult> all = new TreeMap<>(badLines);
    if (!chunk.isEmpty()) {
      List<PartnerActivity> work = List.copyOf(chunk);
      for (ActivityResult r : tx(() -> accrual.credit(reg.fileId(), work))) {
        all.put(r.lineNumber(), r);
      }
    }
    for (ActivityResult r : all.values()) {
      summary = summary.plus(r);
      if (r.outcome() == ActivityResult.Outcome.REJECTED) {
        rejects.reject(r.lineNumber(), r.code(), r.reason(), originals.get(r.lineNumber()));
      }
    }
    chunk.clear();
    badLines.clear();
    originals.clear();
    return summary;
  }

  /**
   * Marks the file as being worked on (its modification time), so that start-up recovery elsewhere
   * only takes back files nobody has touched for a while.
   */
  private static void heartbeat(Path path) {
    try {
      Files.setLastModifiedTime(
          path, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
    } catch (IOException e) {
      // only a hint for recovery; processing goes on
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
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(MessageDigest sha) {
    return HexFormat.of().formatHex(sha.digest());
  }
}
