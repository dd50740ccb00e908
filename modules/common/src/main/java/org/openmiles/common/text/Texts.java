package org.openmiles.common.text;

/** Small string helpers shared by the modules. */
public final class Texts {
  private Texts() {}

  /**
   * The first {@code max} characters of {@code s} (all of it when shorter), so that free text fits
   * its column; null stays null.
   */
  public static String truncate(String s, int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative, not " + max);
    }
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
