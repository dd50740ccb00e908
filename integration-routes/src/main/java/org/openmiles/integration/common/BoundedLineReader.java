package org.openmiles.integration.common;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxLength} characters with their numbers. A longer line is not kept
 * in memory: its first characters are returned with {@link Line#tooLong()} set and the rest is
 * skipped, so an enormous line costs constant memory. Accepts LF and CRLF; drops a leading BOM.
 */
public final class BoundedLineReader {
  private final Reader in;
  private final int maxLength;
  private long number;
  private boolean first = true;

  /** One line; {@code text} is cut to the maximum when {@code tooLong}. */
  public record Line(long number, String text, boolean tooLong) {}

  public BoundedLineReader(Reader in, int maxLength) {
    this.in = in;
    this.maxLength = maxLength;
  }

  /** The number of the last line returned. */
  public long lineNumber() {
    return number;
  }

  /** The next line, or null at the end of the input. */
  public Line next() throws IOException {
    StringBuilder sb = new StringBuilder();
    boolean tooLong = false;
    int c;
    boolean any = false;
    while ((c = in.read()) != -1) {
      any = true;
      if (c == '\n') {
        break;
      }
      if (sb.length() < maxLength) {
        sb.append((char) c);
      } else {
        tooLong = true;
      }
    }
    if (!any) {
      return null;
    }
    if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r' && !tooLong) {
      sb.setLength(sb.length() - 1);
    }
    if (first) {
      first = false;
      if (sb.length() > 0 && sb.charAt(0) == '\uFEFF') {
        sb.deleteCharAt(0);
      }
    }
    return new Line(++number, sb.toString(), tooLong);
  }
}
