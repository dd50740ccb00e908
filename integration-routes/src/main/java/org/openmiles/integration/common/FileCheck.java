package org.openmiles.integration.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.openmiles.common.Sha256;
import org.openmiles.integration.common.BoundedLineReader.Line;

/**
 * The first pass of {@link TwoPassFileProcessor}: reads the whole file once, as a stream and
 * keeping none of it, for its SHA-256 checksum (the file is registered by content) and its shape:
 * UTF-8, header, trailer last, record count and control total, judged by {@link FileTally}. A file
 * that fails is refused whole; its checksum still covers every byte.
 */
final class FileCheck {
  /** The code of a file with no non-blank line. */
  static final String EMPTY_FILE = "EMPTY_FILE";

  private final Feed<?> feed;
  private final int maxLineLength;

  FileCheck(Feed<?> feed, int maxLineLength) {
    this.feed = feed;
    this.maxLineLength = maxLineLength;
  }

  /**
   * The outcome: the file's checksum and detail record count and, if it is refused, the code and
   * reason, with the number and text of the line they point at.
   */
  record Result(
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

  /** Checks the file {@code sender} sent. */
  Result run(Path path, String sender) throws IOException {
    MessageDigest sha = Sha256.newDigest();
    FileTally tally = new FileTally(feed, sender);
    try (InputStream raw = Files.newInputStream(path);
        DigestInputStream digest = new DigestInputStream(raw, sha);
        Reader reader = Utf8Lines.strictReader(digest)) {
      BoundedLineReader lines = new BoundedLineReader(reader, maxLineLength);
      Line line;
      try {
        while ((line = lines.next()) != null) {
          BadRecord refusal = tally.take(line);
          if (refusal != null) {
            drain(digest); // the checksum covers the whole file
            return new Result(
                Sha256.hex(sha),
                tally.records(),
                refusal.code(),
                refusal.getMessage(),
                line.number(),
                line.text(),
                false);
          }
        }
      } catch (CharacterCodingException e) {
        drain(digest);
        long bad = Utf8Lines.firstBadLine(path);
        return new Result(
            Sha256.hex(sha),
            tally.records(),
            "ENCODING",
            "line " + bad + " has bytes that are not UTF-8; send the file as UTF-8",
            bad,
            "",
            false);
      }
      return tally.verdict(Sha256.hex(sha), lines.lineNumber());
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[64 * 1024];
    while (in.read(buf) != -1) {
      // reading to the end completes the checksum
    }
  }
}
