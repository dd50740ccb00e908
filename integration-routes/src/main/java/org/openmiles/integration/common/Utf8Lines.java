package org.openmiles.integration.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads inbound files as strict UTF-8, and finds where a file stops being UTF-8, by line: a reader
 * that decodes ahead in blocks cannot say on which line its decoder failed, so the bytes are read
 * once more and their line ends counted up to the first bad sequence.
 */
final class Utf8Lines {
  private Utf8Lines() {}

  /**
   * A buffered reader of {@code in} that throws a {@link java.nio.charset.CharacterCodingException}
   * at the first byte sequence that is not UTF-8, instead of replacing it.
   */
  static Reader strictReader(InputStream in) {
    return new BufferedReader(
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        64 * 1024);
  }

  /** The line (from 1) that holds the file's first byte sequence that is not UTF-8, or 0. */
  static long firstBadLine(Path path) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    CharBuffer out = CharBuffer.allocate(64 * 1024);
    long line = 1;
    try (InputStream stream = Files.newInputStream(path)) {
      boolean end = false;
      while (!end) {
        int n = stream.read(in.array(), in.position(), in.remaining());
        end = n < 0;
        if (n > 0) {
          in.position(in.position() + n);
        }
        in.flip();
        while (true) {
          int from = in.position();
          CoderResult r = decoder.decode(in, out, end);
          line += newlines(in.array(), from, in.position());
          out.clear();
          if (r.isError()) {
            return line;
          }
          if (r.isUnderflow()) {
            break;
          }
        }
        in.compact();
      }
      CoderResult r = decoder.flush(out);
      return r.isError() ? line : 0;
    }
  }

  private static int newlines(byte[] bytes, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        n++;
      }
    }
    return n;
  }
}
