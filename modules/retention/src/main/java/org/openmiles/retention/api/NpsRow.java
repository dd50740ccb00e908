package org.openmiles.retention.api;

import java.math.BigDecimal;

/**
 * NPS of one group: the number of answers, promoters (9-10), passives (7-8), detractors (0-6) and
 * the score, % promoters − % detractors, from −100 to 100 with one decimal.
 */
public record NpsRow(
    String key, long answers, long promoters, long passives, long detractors, BigDecimal nps) {}
