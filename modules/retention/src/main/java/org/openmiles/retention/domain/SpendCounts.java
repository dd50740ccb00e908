package org.openmiles.retention.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Many members' repeat spend, grouped: each distinct (transactions, mean value) once with how many
 * members have it, for the weighted Gamma-Gamma fit. The logarithm of each mean is taken once here,
 * since it does not depend on the parameters the fit searches.
 */
public final class SpendCounts {
  private final int[] transactions;
  private final double[] meanValue;
  private final double[] logMean;
  private final long[] counts;
  private final long members;
  private final int maxTransactions;

  private SpendCounts(List<Counted> rows) {
    int n = rows.size();
    transactions = new int[n];
    meanValue = new double[n];
    logMean = new double[n];
    counts = new long[n];
    long total = 0;
    int max = 0;
    for (int i = 0; i < n; i++) {
      Counted row = rows.get(i);
      transactions[i] = row.spend().transactions();
      meanValue[i] = row.spend().meanValue();
      logMean[i] = Math.log(meanValue[i]);
      counts[i] = row.count();
      total += row.count();
      max = Math.max(max, transactions[i]);
    }
    members = total;
    maxTransactions = max;
  }

  /** A spend shared by {@code count} members (at least one). */
  public record Counted(GammaGamma.Spend spend, long count) {
    public Counted {
      if (spend == null || count < 1) {
        throw new IllegalArgumentException("a counted spend needs a spend and a count >= 1");
      }
    }
  }

  public static SpendCounts of(List<Counted> rows) {
    return new SpendCounts(rows);
  }

  /** Every spend once, counted once each (the ungrouped form). */
  public static SpendCounts ungrouped(List<GammaGamma.Spend> spends) {
    List<Counted> rows = new ArrayList<>(spends.size());
    for (GammaGamma.Spend s : spends) {
      rows.add(new Counted(s, 1));
    }
    return of(rows);
  }

  public int rows() {
    return counts.length;
  }

  public long members() {
    return members;
  }

  int maxTransactions() {
    return maxTransactions;
  }

  int transactions(int i) {
    return transactions[i];
  }

  double meanValue(int i) {
    return meanValue[i];
  }

  double logMean(int i) {
    return logMean[i];
  }

  long count(int i) {
    return counts[i];
  }
}
