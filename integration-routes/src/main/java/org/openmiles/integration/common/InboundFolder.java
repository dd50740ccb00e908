package org.openmiles.integration.common;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The folder convention every inbound feed shares (see {@link FileSettings}): the Camel file URI
 * that picks up complete files from {@code inbound/} and moves them on. Files a dead process left
 * in {@code processing/} are recovered by {@link FileOwner}.
 */
public final class InboundFolder {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

  /**
   * The registry name of the read lock's repository ({@link FileOwner#readLock()}), which each
   * inbound route binds: a file is taken by one instance of the cluster (ADR 0032).
   */
  public static final String READ_LOCK = "fileReadLock";

  private InboundFolder() {}

  /**
   * Picks up {@code *.csv} files once their size stopped changing ({@code .part}/{@code .tmp} names
   * and names starting with a dot are ignored until renamed) and this instance took them in the
   * database ({@link #READ_LOCK}: of several instances on the same folders, one takes each file; no
   * lock files), empty files included, oldest first; moves each to {@code processing/} while it
   * runs, then to the folder named by the header {@code folderHeader} (archive or rejects) with a
   * timestamp, or to {@code failed/} on a fault.
   *
   * <p>A poll looks at every waiting file, sorted by modification time, and takes them one after
   * the other; a file whose read lock is not had in a few seconds (still growing) is skipped until
   * a later poll, so it never holds up the files behind it.
   */
  public static String uri(Path base, long pollMillis, String folderHeader) {
    long check = Math.max(200, Math.min(1000, pollMillis));
    return "file:"
        + base.resolve("inbound")
        + "?antInclude=*.csv,*.CSV"
        + "&readLock=idempotent-changed&idempotentRepository=#"
        + READ_LOCK
        + "&readLockRemoveOnCommit=true&readLockRemoveOnRollback=true"
        + "&readLockCheckInterval="
        + check
        + "&readLockTimeout="
        + 5 * check
        + "&readLockMinLength=0"
        + "&readLockLoggingLevel=DEBUG"
        + "&preMove=../processing/${file:onlyname}"
        + "&move=../${header."
        + folderHeader
        + "}/"
        + "${file:onlyname.noext}.${date:now:yyyyMMddHHmmssSSS}.${file:ext}"
        + "&moveFailed=../failed/${file:onlyname.noext}.${date:now:yyyyMMddHHmmssSSS}.${file:ext}"
        + "&delay="
        + pollMillis
        + "&maxMessagesPerPoll=0&eagerMaxMessagesPerPoll=false&sortBy=file:modified";
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
