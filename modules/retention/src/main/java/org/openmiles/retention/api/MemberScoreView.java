package org.openmiles.retention.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One member's scores as of {@code asOf}: RFM (recency in days, frequency in activity days and
 * monetary value in the RFM window, each scored 1 to 5) and segment; P(alive), the activity days
 * expected in the next 12 months, the value expected of an activity day and the discounted CLV
 * (program currency; {@code null} when the spend model could not be fitted); the tier it was scored
 * with; the churn reasons (empty when not at risk).
 */
public record MemberScoreView(
    String member,
    LocalDate asOf,
    long runId,
    Instant scoredAt,
    String segment,
    LocalDate firstActivity,
    LocalDate lastActivity,
    int recencyDays,
    int frequency,
    BigDecimal monetary,
    int recencyScore,
    int frequencyScore,
    int monetaryScore,
    double pAlive,
    double expectedActivityDays12Months,
    BigDecimal expectedValue,
    BigDecimal clv,
    String tier,
    boolean churnRisk,
    List<Reason> reasons) {

  public MemberScoreView {
    reasons = List.copyOf(reasons);
  }

  /** A churn reason: stable code and a sentence. */
  public record Reason(String code, String text) {}
}
