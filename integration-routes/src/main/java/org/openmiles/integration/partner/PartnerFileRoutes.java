package org.openmiles.integration.partner;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.apache.camel.builder.RouteBuilder;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.integration.common.FileSettings;

/**
 * One route per active partner: picks up complete files from {@code inbound/} (the size must stop
 * changing first; {@code .part}/{@code .tmp} names are ignored until renamed), moves each to {@code
 * processing/} while it runs, then to {@code archive/} or {@code rejects/} (refused whole or a
 * duplicate). A fault moves it to {@code failed/} and is logged with its cause.
 */
@Dependent
public class PartnerFileRoutes extends RouteBuilder {
  private static final Logger LOG = Logger.getLogger(PartnerFileRoutes.class.getName());

  @Inject PartnerAccrual accrual;
  @Inject FileSettings settings;
  @Inject PartnerFileProcessor processor;

  @Override
  public void configure() {
    onException(Exception.class)
        .log(
            org.apache.camel.LoggingLevel.ERROR,
            "partner file ${header.CamelFileName} failed and was moved to failed/: ${exception.message}")
        .handled(false);

    for (String code : accrual.activePartnerCodes()) {
      settings.createPartnerFolders(code);
      recoverInterrupted(code);
      from(uri(code))
          .routeId("partner-" + code)
          .process(exchange -> processor.process(exchange, code));
    }
  }

  private String uri(String code) {
    long poll = settings.pollMillis();
    return "file:"
        + settings.partnerFolder(code, "inbound")
        + "?antInclude=*.csv,*.CSV"
        + "&readLock=changed&readLockCheckInterval="
        + Math.max(200, Math.min(1000, poll))
        + "&readLockTimeout=60000"
        + "&preMove=../processing/${file:onlyname}"
        + "&move=../${header."
        + PartnerFileProcessor.FOLDER_HEADER
        + "}/"
        + "${file:onlyname.noext}.${date:now:yyyyMMddHHmmssSSS}.${file:ext}"
        + "&moveFailed=../failed/${file:onlyname.noext}.${date:now:yyyyMMddHHmmssSSS}.${file:ext}"
        + "&delay="
        + poll
        + "&maxMessagesPerPoll=1&sortBy=file:modified";
  }

  /**
   * Files left in {@code processing/} by a process that died go back to {@code inbound/}; their
   * second run resumes (records already credited are recognised). Only files untouched for a while,
   * so that a file another node is still processing is left alone.
   */
  private void recoverInterrupted(String code) {
    Path processing = settings.partnerFolder(code, "processing");
    Instant cutoff = Instant.now().minus(Duration.ofSeconds(settings.recoverAfterSeconds()));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(processing)) {
      for (Path f : files) {
        if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
          Files.move(
              f,
              settings.partnerFolder(code, "inbound").resolve(f.getFileName()),
              StandardCopyOption.ATOMIC_MOVE);
          LOG.warning(
              () ->
                  "partner "
                      + code
                      + ": "
                      + f.getFileName()
                      + " was interrupted; it will be resumed");
        }
      }
    } catch (IOException e) {
      LOG.warning(
          () -> "partner " + code + ": cannot look for interrupted files: " + e.getMessage());
    }
  }
}
