package org.openmiles.accrual.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether the last name on incoming activity is the member's: compared without case, accents
 * (Vietnamese diacritics included: Nguyễn = Nguyen, Đặng = Dang), spaces, hyphens and apostrophes,
 * because partners and reservation systems often send names in upper-case ASCII.
 */
public final class LastNames {
  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  private static final java.util.regex.Pattern NOT_ALNUM =
      java.util.regex.Pattern.compile("[^A-Z0-9]");

  private LastNames() {}

  public static boolean match(String sent, String members) {
    if (sent == null || members == null) {
      return false;
    }
    String a = normalize(sent);
    return !a.isEmpty() && a.equals(normalize(members));
  }

  /** Upper-case ASCII letters and digits only. */
  public static String normalize(String name) {
    String ascii = asciiNormalized(name);
    if (ascii != null) {
      return ascii;
    }
    String s = name.replace('đ', 'd').replace('Đ', 'D');
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    return NOT_ALNUM.matcher(s.toUpperCase(Locale.ROOT)).replaceAll("");
  }

  /**
   * The same for a name of ASCII characters only (no accents to strip), without the Unicode
   * normalizer and the two regular expressions, which were a large part of a file record's CPU;
   * null if the name has any other character.
   */
  private static String asciiNormalized(String name) {
    StringBuilder out = null;
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c >= 128) {
        return null;
      }
      boolean keep = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (keep && out == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n).append(name, 0, i);
      }
      if (keep) {
        out.append(c);
      } else if (c >= 'a' && c <= 'z') {
        out.append((char) (c - ('a' - 'A')));
      }
    }
    return out == null ? name : out.toString();
  }
}
