package org.openmiles.retention.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.openmiles.retention.api.NpsRow;

/**
 * Net Promoter Score: promoters answer 9-10, passives 7-8, detractors 0-6; NPS = % promoters − %
 * detractors, from −100 to 100, here with one decimal (half up). No answers: no score (null).
 */
public final class NetPromoterScore {
  private NetPromoterScore() {}

  /** Whether {@code score} is a promoter's. */
  public static boolean promoter(int score) {
    return score >= 9;
  }

  /** Whether {@code score} is a detractor's. */
  public static boolean detractor(int score) {
    return score <= 6;
  }

  /** The score of {@code promoters} and {@code detractors} among {@code answers}; null for none. */
  public static BigDecimal of(long promoters, long detractors, long answers) {
    if (promoters < 0 || detractors < 0 || promoters + detractors > answers) {
      throw new IllegalArgumentException("promoters and detractors must be among the answers");
    }
    if (answers == 0) {
      return null;
    }
    return BigDecimal.valueOf(100L * (promoters - detractors))
        .divide(BigDecimal.valueOf(answers), 1, RoundingMode.HALF_UP);
  }

  /** The row of one group. */
  public static NpsRow row(String key, long answers, long promoters, long detractors) {
    return new NpsRow(
        key,
        answers,
        promoters,
        answers - promoters - detractors,
        detractors,
        of(promoters, detractors, answers));
  }
}
