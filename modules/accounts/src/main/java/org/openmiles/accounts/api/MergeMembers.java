package org.openmiles.accounts.api;

import java.util.Objects;

/**
 * Merge a duplicate member into the member who survives: {@code mergedBy} is the person who decided
 * it (a console supervisor), {@code reason} why (both kept with the merge).
 */
public record MergeMembers(
    MemberNumber survivor, MemberNumber duplicate, String reason, String mergedBy) {

  public MergeMembers {
    Objects.requireNonNull(survivor, "survivor is required");
    Objects.requireNonNull(duplicate, "duplicate is required");
    if (survivor.equals(duplicate)) {
      throw new IllegalArgumentException("a member cannot be merged into itself");
    }
    if (reason == null || reason.strip().length() < 5 || reason.strip().length() > 200) {
      throw new IllegalArgumentException("give a reason of 5 to 200 characters");
    }
    if (mergedBy == null || mergedBy.isBlank() || mergedBy.length() > 60) {
      throw new IllegalArgumentException("mergedBy is required (at most 60 characters)");
    }
    reason = reason.strip();
  }
}
