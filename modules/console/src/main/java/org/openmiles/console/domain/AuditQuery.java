package org.openmiles.console.domain;

/** A page of the audit log, newest first: entries older than {@code beforeId} (0: from the top). */
public record AuditQuery(String member, String actor, String action, long beforeId, int limit) {
  public AuditQuery {
    member = blankToNull(member);
    actor = blankToNull(actor);
    action = blankToNull(action);
    if (limit < 1 || limit > 500) {
      throw new IllegalArgumentException("limit must be 1 to 500");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
