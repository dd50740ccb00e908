package org.openmiles.accounts.api;

/**
 * Find members by any of: name (prefix of last name, optionally "last first" or "first last"),
 * email (exact, case-insensitive), phone (exact, digits compared). At least one criterion.
 */
public record MemberSearch(String name, String email, String phone, int limit) {
  public static final int MAX_LIMIT = 100;

  public MemberSearch {
    if (isBlank(name) && isBlank(email) && isBlank(phone)) {
      throw new IllegalArgumentException("give a name, an email or a phone number to search for");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
