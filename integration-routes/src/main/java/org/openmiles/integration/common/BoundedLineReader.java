package org.openmiles.integration.common;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxLength} characters with their numbers. A longer line is not kept
 * in memory: its first characters are returned with {@link Line#tooLong()} set and the rest is
 * skipped, so an enormous line costs constant memory. Accepts LF and CRLF; drops a leading BOM.
 *
 * <p>Reads the input a block at a time into its own buffer and scans that for line ends (ADR 0017:
 * a {@code Reader.read()} per character, each taking the reader's lock, was one of the largest
 * items of the file pipeline's CPU).
 */
public final class BoundedLineReader {
  private final Reader in;
  private final int maxLength;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int end;
  private boolean eof;
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
    StringBuilder sb = null; // only for a line that spans buffer refills
    String text = null;
    boolean tooLong = false;
    boolean any = false;
    int kept = 0; // characters of the line kept so far
    while (true) {
      if (pos >= end && !fill()) {
        break;
      }
      any = true;
      int start = pos;
      int nl = -1;
      for (int i = pos; i < end; i++) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      int stop = nl < 0 ? end : nl;
      int take = Math.min(stop - start, maxLength - kept);
      if (take < stop - start) {
        tooLong = true;
      }
      if (nl >= 0 && sb == null) {
        text = new String(buf, start, take);
      } else if (take > 0) {
        if (sb == null) {
          sb = new StringBuilder(Math.min(maxLength, 256));
        }
        sb.append(buf, start, take);
      }
      kept += take;
      pos = nl < 0 ? end : nl + 1;
      if (nl >= 0) {
        break;
      }
    }
    if (!any) {
      return null;
    }
    if (text == null) {
      text = sb == null ? "" : sb.toString();
    }
    if (!tooLong && !text.isEmpty() && text.charAt(text.length() - 1) == '\r') {
      text = text.substring(0, text.length() - 1);
    }
    if (first) {
      first = false;
      if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
      }
    }
    return new Line(++number, text, tooLong);
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }
}
