package org.openmiles.integration.common;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The folder convention every inbound feed shares (see {@link FileSettings}): the Camel file URI
 * that picks up complete files from {@code inbound/} and moves them on, and the recovery of files a
 * dead process left in {@code processing/}.
 */
public final class InboundFolder {
  private static final Logger LOG = Logger.getLogger(InboundFolder.class.getName());

  private InboundFolder() {}

  /**
   * Picks up {@code *.csv} files once their size stopped changing ({@code .part}/{@code .tmp} names
   * are ignored until renamed), one per poll, oldest first; moves each to {@code processing/} while
   * it runs, then to the folder named by the header {@code folderHeader} (archive or rejects) with
   * a timestamp, or to {@code failed/} on a fault.
   */
  public static String uri(Path base, long pollMillis, String folderHeader) {
    return "file:"
        + base.resolve("inbound")
        + "?antInclude=*.csv,*.CSV"
        + "&readLock=changed&readLockCheckInterval="
        + Math.max(200, Math.min(1000, pollMillis))
        + "&readLockTimeout=60000"
        + "&preMove=../processing/${file:onlyname}"
        + "&move=../${header."
        + folderHeader
        + "}/"
        + "${file:onlyname.noext}.${date:now:yyyyMMddHHmmssSSS}.${file:ext}"
        + "&moveFailed=../failed/${file:onlyname.noext}.${date:now:yyyyMMddHHmmssSSS}.${file:ext}"
        + "&delay="
        + pollMillis
        + "&maxMessagesPerPoll=1&sortBy=file:modified";
  }

  /**
   * Moves files left in {@code processing/} back to {@code inbound/} when nobody touched them for
   * {@code afterSeconds}: their next run resumes without processing anything twice.
   */
  public static void recoverInterrupted(Path base, long afterSeconds, String who) {
    Path processing = base.resolve("processing");
    Instant cutoff = Instant.now().minus(Duration.ofSeconds(afterSeconds));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(processing)) {
      for (Path f : files) {
        if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
          Files.move(
              f, base.resolve("inbound").resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
          LOG.warning(() -> who + ": " + f.getFileName() + " was interrupted; it will be resumed");
        }
      }
    } catch (IOException e) {
      LOG.warning(() -> who + ": cannot look for interrupted files: " + e.getMessage());
    }
  }
}
