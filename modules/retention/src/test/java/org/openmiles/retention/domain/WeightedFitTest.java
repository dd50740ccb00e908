package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
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
    return members(-1);
  }

  /**
   * The same base, with every member's drop-out probability {@code dropout} (BG/NBD's limit of a
   * and b going to infinity with a/(a+b) fixed), or drawn from Beta(0.8, 2.5) where negative.
   */
  private static List<ActivityHistory> members(double sameDropout) {
    Random random = new Random(7);
    List<ActivityHistory> out = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      double rate = gamma(random, 0.5) / 5.0;
      double g1 = gamma(random, 0.8);
      double dropout = sameDropout >= 0 ? sameDropout : g1 / (g1 + gamma(random, 2.5));
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
  void theGradientsAreTheSlopesOfTheLogLikelihoods() {
    HistoryCounts histories = grouped(members());
    double[] p = {0.6, 4.0, 0.9, 2.2};
    double[] gradient = new double[4];
    new BgNbd(p[0], p[1], p[2], p[3]).logLikelihood(histories, gradient);
    assertSlopes(
        gradient, p, "r α a b", q -> new BgNbd(q[0], q[1], q[2], q[3]).logLikelihood(histories));
    Random random = new Random(3);
    List<SpendCounts.Counted> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rows.add(
          new SpendCounts.Counted(
              new GammaGamma.Spend(1 + random.nextInt(8), 5 + 80 * random.nextDouble()),
              1 + random.nextInt(3)));
    }
    SpendCounts spends = SpendCounts.of(rows);
    double[] v = {4.0, 3.0, 20.0};
    double[] g = new double[3];
    new GammaGamma(v[0], v[1], v[2]).logLikelihood(spends, g);
    assertSlopes(g, v, "p q γ", q -> new GammaGamma(q[0], q[1], q[2]).logLikelihood(spends));
  }

  /** Each partial derivative in {@code gradient} at {@code at} is the central difference of f. */
  private static void assertSlopes(
      double[] gradient, double[] at, String names, ToDoubleFunction<double[]> f) {
    for (int i = 0; i < at.length; i++) {
      double[] up = at.clone();
      double[] down = at.clone();
      double h = 1e-6 * at[i];
      up[i] += h;
      down[i] -= h;
      double slope = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * h);
      assertThat(gradient[i])
          .as("∂/∂%s", names.split(" ")[i])
          .isCloseTo(slope, within(1e-4 * Math.abs(slope) + 1e-3));
    }
  }

  @Test
  void theFitIsAMaximum() {
    HistoryCounts histories = grouped(members());
    BgNbd.Fit fit = BgNbd.fit(histories);
    BgNbd m = fit.model();
    double[] p = {m.r(), m.alpha(), m.a(), m.b()};
    for (int i = 0; i < 4; i++) {
      for (double k : new double[] {0.99, 1.01}) {
        double[] q = p.clone();
        q[i] *= k;
        assertThat(new BgNbd(q[0], q[1], q[2], q[3]).logLikelihood(histories))
            .as("parameter %d times %s", i, k)
            .isLessThan(fit.logLikelihood());
      }
    }
    BgNbd.Fit again =
        BgNbd.fit(histories, new BgNbd(m.r() * 1.2, m.alpha() * 0.8, m.a(), m.b() * 1.1));
    assertThat(again.logLikelihood())
        .as("from a previous fit nearby")
        .isCloseTo(fit.logLikelihood(), within(1e-6));
  }

  @Test
  void theSameDropOutForEveryoneIsFittedOnTheModelsRidge() {
    // a and b run to infinity with a/(a+b) at the drop-out: the simplex walked that ridge for ever
    HistoryCounts histories = grouped(members(0.05));
    BgNbd.Fit fit = BgNbd.fit(histories);
    BgNbd m = fit.model();
    assertThat(m.a()).as("a and b large").isGreaterThan(50);
    assertThat(m.a() / (m.a() + m.b())).as("the mean drop-out").isBetween(0.03, 0.08);
    assertThat(fit.logLikelihood())
        .as("at least as likely as the truth")
        .isGreaterThan(new BgNbd(0.5, 5, 5e4 * 0.05, 5e4 * 0.95).logLikelihood(histories));
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
