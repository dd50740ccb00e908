package org.openmiles.integration.common;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The folder convention every inbound feed shares (see {@link FileSettings}): the Camel file
 * endpoint that picks up complete files from {@code inbound/} and moves them on. Files a dead
 * process left in {@code processing/} are recovered by {@link FileOwner}.
 */
public final class InboundFolder {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

  /** A moved file's name: its name with the time of the move before its extension. */
  private static final String STAMPED =
      "${file:onlyname.noext}.${date:now:yyyyMMddHHmmssSSS}.${file:ext}";

  private InboundFolder() {}

  /**
   * The file endpoint of {@code base}'s {@code inbound/} folder, configured through the typed
   * setters of {@link FileEndpoint} (ADR 0034) and registered in {@code camel}: picks up {@code
   * *.csv} files once their size stopped changing ({@code .part}/{@code .tmp} names and names
   * starting with a dot are ignored until renamed) and this instance took them through {@code
   * readLock} (the cluster's read lock, {@link FileOwner#readLock()}: of several instances on the
   * same folders, one takes each file; no lock files), empty files included, oldest first; moves
   * each to {@code processing/} while it runs, then to the folder named by the header {@code
   * folderHeader} (archive or rejects) with a timestamp, or to {@code failed/} on a fault.
   *
   * <p>A poll looks at every waiting file, sorted by modification time, and takes them one after
   * the other; a file whose read lock is not had in a few seconds (still growing) is skipped until
   * a later poll, so it never holds up the files behind it.
   *
   * <p>Configured before it is initialised ({@link Endpoints#configured}), as Camel does with the
   * options of a URI.
   */
  public static FileEndpoint endpoint(
      CamelContext camel,
      Path base,
      long pollMillis,
      String folderHeader,
      IdempotentRepository readLock) {
    long check = Math.max(200, Math.min(1000, pollMillis));
    return Endpoints.configured(
        camel,
        "file:" + base.resolve("inbound"),
        FileEndpoint.class,
        files -> {
          files.setAntInclude("*.csv,*.CSV");
          files.setReadLock("idempotent-changed");
          files.setIdempotentRepository(readLock);
          files.setReadLockRemoveOnCommit(true);
          files.setReadLockRemoveOnRollback(true);
          files.setReadLockCheckInterval(check);
          files.setReadLockTimeout(5 * check);
          files.setReadLockMinLength(0);
          files.setReadLockLoggingLevel(LoggingLevel.DEBUG);
          files.setPreMove("../processing/${file:onlyname}");
          files.setMove("../${header." + folderHeader + "}/" + STAMPED);
          files.setMoveFailed("../failed/" + STAMPED);
          files.setDelay(pollMillis);
          files.setMaxMessagesPerPoll(0);
          files.setEagerMaxMessagesPerPoll(false);
          files.setSortBy("file:modified");
        });
  }

  /** Whether the route would pick up a file of this name ({@code *.csv}, not hidden). */
  public static boolean picksUp(String name) {
    return !name.startsWith(".") && (name.endsWith(".csv") || name.endsWith(".CSV"));
  }

  /** The name with a timestamp before its first dot, as the route moves files. */
  static String timestamped(String name) {
    int dot = name.indexOf('.');
    String stamp = LocalDateTime.now().format(STAMP);
    return dot < 0
        ? name + "." + stamp
        : name.substring(0, dot) + "." + stamp + name.substring(dot);
  }
}
