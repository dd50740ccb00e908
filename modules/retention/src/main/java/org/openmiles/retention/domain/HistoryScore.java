package org.openmiles.retention.domain;

/**
 * What the models say about one distinct history: P(alive), the activity days expected in the next
 * 12 months, the discounted activities over the CLV horizon (times the value of an activity: the
 * CLV) and the history's churn reasons (null where the rule does not hold).
 */
public record HistoryScore(
    int repeats,
    int lastAtDays,
    int ageDays,
    double pAlive,
    double expectedDays,
    double discounted,
    String pAliveReason,
    String gapReason) {}
