package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The grouped (weighted) likelihoods and fits the scoring job uses give what the ungrouped ones
 * give on the same members expanded one by one.
 */
class WeightedFitTest {

  /**
   * A synthetic base drawn from BG/NBD itself (r 0.5, α 5 weeks, a 0.8, b 2.5), with activity on
   * whole days, as member_day has it: few distinct histories, many members each.
   */
  private static List<ActivityHistory> members() {
    Random random = new Random(7);
    List<ActivityHistory> out = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      double rate = gamma(random, 0.5) / 5.0;
      double g1 = gamma(random, 0.8);
      double dropout = g1 / (g1 + gamma(random, 2.5));
      int ageDays = 7 + random.nextInt(300);
      double t = 0;
      int repeats = 0;
      int lastDay = 0;
      while (rate > 0) {
        t += -Math.log(1 - random.nextDouble()) / rate * 7;
        int day = (int) Math.round(t);
        if (day > ageDays) {
          break;
        }
        if (day > lastDay) {
          repeats++;
          lastDay = day;
        }
        if (random.nextDouble() < dropout) {
          break;
        }
      }
      out.add(new ActivityHistory(repeats, lastDay / 7.0, ageDays / 7.0));
    }
    return out;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang, boosted for shape below 1. */
  private static double gamma(Random random, double shape) {
    if (shape < 1) {
      return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = random.nextGaussian();
      double v = Math.pow(1 + c * z, 3);
      if (v > 0 && Math.log(random.nextDouble()) < z * z / 2 + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static HistoryCounts grouped(List<ActivityHistory> members) {
    Map<ActivityHistory, Long> counts = new LinkedHashMap<>();
    members.forEach(h -> counts.merge(h, 1L, Long::sum));
    List<HistoryCounts.Counted> rows = new ArrayList<>();
    counts.forEach((h, n) -> rows.add(new HistoryCounts.Counted(h, n)));
    return HistoryCounts.of(rows);
  }

  @Test
  void groupedLogLikelihoodEqualsTheSumOverMembers() {
    List<ActivityHistory> members = members();
    HistoryCounts grouped = grouped(members);
    assertThat(grouped.rows()).isLessThan(members.size());
    assertThat(grouped.members()).isEqualTo(members.size());
    BgNbd model = new BgNbd(0.5, 3.0, 0.8, 2.5);
    assertThat(model.logLikelihood(grouped)).isCloseTo(model.logLikelihood(members), within(1e-6));
  }

  @Test
  void weightedFitEqualsTheFitOnExpandedData() {
    List<ActivityHistory> members = members();
    BgNbd.Fit expanded = BgNbd.fit(members);
    BgNbd.Fit weighted = BgNbd.fit(grouped(members));
    assertThat(weighted.model().r()).as("near the truth it was drawn from").isBetween(0.3, 0.8);
    assertThat(weighted.logLikelihood()).isCloseTo(expanded.logLikelihood(), within(1e-4));
    assertThat(weighted.model().r()).isCloseTo(expanded.model().r(), within(1e-3));
    assertThat(weighted.model().alpha()).isCloseTo(expanded.model().alpha(), within(1e-2));
    assertThat(weighted.model().a()).isCloseTo(expanded.model().a(), within(1e-3));
    assertThat(weighted.model().b()).isCloseTo(expanded.model().b(), within(1e-2));
  }

  @Test
  void weightedGammaGammaEqualsTheFitOnExpandedData() {
    Random random = new Random(11);
    List<GammaGamma.Spend> spends = new ArrayList<>();
    Map<GammaGamma.Spend, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < 2000; i++) {
      GammaGamma.Spend s = new GammaGamma.Spend(1 + random.nextInt(6), 10 + random.nextInt(30));
      spends.add(s);
      counts.merge(s, 1L, Long::sum);
    }
    List<SpendCounts.Counted> rows = new ArrayList<>();
    counts.forEach((s, n) -> rows.add(new SpendCounts.Counted(s, n)));
    SpendCounts grouped = SpendCounts.of(rows);
    GammaGamma model = new GammaGamma(6, 3.7, 15);
    assertThat(model.logLikelihood(grouped)).isCloseTo(model.logLikelihood(spends), within(1e-6));
    GammaGamma.Fit expanded = GammaGamma.fit(spends);
    GammaGamma.Fit weighted = GammaGamma.fit(grouped);
    assertThat(weighted.logLikelihood()).isCloseTo(expanded.logLikelihood(), within(1e-4));
    assertThat(weighted.model().p()).isCloseTo(expanded.model().p(), within(1e-2));
    assertThat(weighted.model().q()).isCloseTo(expanded.model().q(), within(1e-2));
  }

  @Test
  void discountedActivitiesTimesTheValueIsTheLifetimeValue() {
    BgNbd counts = new BgNbd(0.243, 4.414, 0.793, 2.426);
    GammaGamma values = new GammaGamma(6.25, 3.74, 15.44);
    ActivityHistory h = new ActivityHistory(5, 20, 30);
    GammaGamma.Spend spend = new GammaGamma.Spend(5, 30);
    double clv = new LifetimeValue(counts, values).of(h, spend, 12, 4.35, 0.008);
    assertThat(values.expectedValue(spend) * counts.discountedActivities(h, 12, 4.35, 0.008))
        .isCloseTo(clv, within(1e-9));
    assertThat(counts.discountedActivities(h, 12, 4.35, 0))
        .as("undiscounted: the activities expected over the whole horizon")
        .isCloseTo(counts.expectedActivities(h, 12 * 4.35), within(1e-9));
  }
}
