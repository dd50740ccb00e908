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
    String s = name.replace('đ', 'd').replace('Đ', 'D');
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    return NOT_ALNUM.matcher(s.toUpperCase(Locale.ROOT)).replaceAll("");
  }
}
