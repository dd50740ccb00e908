package org.openmiles.integration.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What may not be read in an inbound folder, decided from the entry's own attributes and never by
 * opening it:
 *
 * <ul>
 *   <li>a symbolic link, a pipe, a folder or another special entry ({@value #NOT_A_REGULAR_FILE}):
 *       a link could point anywhere;
 *   <li>a hard link, a regular file with more than one name ({@value #HARD_LINK}): its other name
 *       may be outside the sender's folders, so reading it could read someone else's file;
 *   <li>a hidden upload (a name starting with a dot) that nobody has written to for longer than the
 *       allowed age ({@value #INCOMPLETE_UPLOAD}): an upload that never completed its rename.
 * </ul>
 */
public final class InboundEntries {
  /** The code of an inbound entry that is not a regular file (a link, a pipe, a folder). */
  public static final String NOT_A_REGULAR_FILE = "NOT_A_REGULAR_FILE";

  /** The code of an inbound file that has other names (a hard link). */
  public static final String HARD_LINK = "HARD_LINK";

  /** The code of a hidden upload left unfinished for longer than the allowed age. */
  public static final String INCOMPLETE_UPLOAD = "INCOMPLETE_UPLOAD";

  /** Why an entry is refused unread: a stable code and a reason for the sender. */
  public record Refusal(String code, String reason) {}

  private InboundEntries() {}

  /** The refusal for an entry that must not be opened, or empty when it may be read. */
  public static Optional<Refusal> unreadable(Path entry) throws IOException {
    if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(
          new Refusal(
              NOT_A_REGULAR_FILE,
              "the entry is a symbolic link or another special file and not a regular file;"
                  + " it was not read. Upload the file itself"));
    }
    if (links(entry) > 1) {
      return Optional.of(
          new Refusal(
              HARD_LINK,
              "the file is a hard link (it has other names elsewhere); it was not read. Upload"
                  + " the file itself"));
    }
    return Optional.empty();
  }

  /** Whether the route leaves this name alone as an upload in progress: a leading dot. */
  public static boolean hidden(String name) {
    return name.startsWith(".");
  }

  /**
   * The refusal of a hidden entry last written longer than {@code maxAge} before {@code now} (an
   * upload that was never completed), or empty while it may still be in progress.
   */
  public static Optional<Refusal> abandoned(Path entry, Instant now, Duration maxAge)
      throws IOException {
    String name = entry.getFileName().toString();
    if (!hidden(name) || Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty(); // a hidden folder is no upload (an SFTP server's own, say)
    }
    Instant written = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant();
    if (written.plus(maxAge).isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            INCOMPLETE_UPLOAD,
            "the upload never completed: the file kept the temporary name "
                + name
                + " for more than "
                + maxAge.toMinutes()
                + " minutes without being written to; it was not read. Upload the file again and"
                + " rename it to "
                + intendedName(name)
                + " when it is complete"));
  }

  /** The name a hidden upload was meant to get: without its leading dots. */
  public static String intendedName(String name) {
    String stripped = name.replaceFirst("^\\.+", "");
    return stripped.isEmpty() ? name : stripped;
  }

  /** The number of names of a regular file; 1 where the file system does not say. */
  static int links(Path file) throws IOException {
    try {
      Object n = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
      return n instanceof Number count ? count.intValue() : 1;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return 1; // no unix attribute view (not a POSIX file system): hard links cannot be told
    }
  }
}
