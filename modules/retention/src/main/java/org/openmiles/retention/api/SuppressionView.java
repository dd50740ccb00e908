package org.openmiles.retention.api;

import java.time.Instant;

/** A member kept out of one campaign, or of all ({@link #ALL}), with why and by whom. */
public record SuppressionView(
    String member, String campaign, String reason, String addedBy, Instant addedAt) {
  public static final String ALL = "ALL";
}
