package org.openmiles.common.csv;

import java.io.IOException;
import org.openmiles.common.text.AsciiDecimal;

/**
 * Writes CSV rows that are safe to open in a spreadsheet: RFC 4180 quoting, and no cell that a
 * spreadsheet would run as a formula (CSV injection, OWASP "CSV Injection"). Every CSV file that
 * leaves OpenMiles (acknowledgements, reject files, settlement statements, console downloads) is
 * written through this class.
 *
 * <p>A cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * is <em>neutralised</em>: prefixed with a single quote ({@code '}) and written in double quotes,
 * as OWASP recommends. <strong>Plain numbers are data, not formulas</strong>: a cell that is
 * exactly an optional minus sign, ASCII digits and an optional decimal part ({@code -12.50}, {@code
 * -3}) is written as it is, so a negative settlement amount stays a number. Anything else that
 * starts with a minus ({@code -1+1}, {@code -cmd}) is neutralised. A reader who needs the exact
 * text drops one leading quote from a quoted cell that starts with {@code '=}, {@code '+}, {@code
 * '-}, {@code '@}, {@code '}tab or {@code '}CR.
 */
public final class CsvCells {
  private CsvCells() {}

  /** The cell as it is written, before CSV quoting: neutralised if it could be a formula. */
  public static String neutralise(String cell) {
    return isFormulaLike(cell) ? "'" + cell : cell;
  }

  /**
   * Whether a spreadsheet could take the cell for a formula: it starts with one of {@code = + - @},
   * a tab or a CR, and is not a plain number.
   */
  public static boolean isFormulaLike(String cell) {
    if (cell.isEmpty()) {
      return false;
    }
    char c = cell.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return risky && !AsciiDecimal.isDecimal(cell);
  }

  /**
   * Writes one record and its line end ({@code \n}). A null cell is written empty. A cell is quoted
   * when it holds a comma, a double quote, a CR or LF, or was neutralised; double quotes in it are
   * doubled.
   */
  public static void writeRow(Appendable out, Object... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    out.append('\n');
  }

  /** One cell as written in a row: neutralised, and quoted when needed. */
  public static String cell(Object value) {
    String raw = value == null ? "" : value.toString();
    String s = neutralise(raw);
    boolean quote =
        s != raw
            || s.indexOf(',') >= 0
            || s.indexOf('"') >= 0
            || s.indexOf('\n') >= 0
            || s.indexOf('\r') >= 0;
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
