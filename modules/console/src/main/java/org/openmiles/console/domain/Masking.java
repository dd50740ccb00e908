package org.openmiles.console.domain;

/**
 * Personal data shown partly to roles that do not need all of it: enough for an agent to confirm
 * with the caller ("the email starting with t, at example.org?"), not enough to copy.
 */
public final class Masking {
  private Masking() {}

  /** {@code thu.tran@example.org} becomes {@code t*******@example.org}. */
  public static String email(String email) {
    if (email == null || email.isBlank()) {
      return "";
    }
    int at = email.indexOf('@');
    if (at <= 0) {
      return "*".repeat(Math.min(email.length(), 8));
    }
    return email.charAt(0) + "*".repeat(Math.max(at - 1, 3)) + email.substring(at);
  }

  /** {@code +84905551234} becomes {@code ********1234}: the last four digits stay. */
  public static String phone(String phone) {
    if (phone == null || phone.isBlank()) {
      return "";
    }
    int keep = Math.min(4, phone.length());
    return "*".repeat(phone.length() - keep) + phone.substring(phone.length() - keep);
  }
}
