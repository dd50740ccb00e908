package org.openmiles.retention.domain;

import java.util.Objects;

/**
 * Why a member is at risk of leaving, as data: a stable {@code code} (P_ALIVE_LOW, RECENCY_GAP,
 * TIER_AT_RISK, MILES_EXPIRING) and a sentence a person can read, with the member's own figures.
 */
public record ChurnReason(String code, String text) {
  public static final String P_ALIVE_LOW = "P_ALIVE_LOW";
  public static final String RECENCY_GAP = "RECENCY_GAP";
  public static final String TIER_AT_RISK = "TIER_AT_RISK";
  public static final String MILES_EXPIRING = "MILES_EXPIRING";

  public ChurnReason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(text, "text");
  }
}
