package org.openmiles.retention.api;

import java.math.BigDecimal;

/**
 * Filters of the churn-risk list, each optional: a segment, a tier code, a minimum CLV; {@code
 * limit} 1 to 500 rows from {@code offset}.
 */
public record ChurnRiskQuery(
    String segment, String tier, BigDecimal minClv, int limit, int offset) {}
