package org.openmiles.retention.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Many members' histories, grouped: each distinct history (repeats, last at, observed for) once,
 * with how many members have it. What the scoring job reads from the database ({@code group by}
 * over the per-member summary), so a fit over a million members walks tens of thousands of rows,
 * not a million objects. Columns in primitive arrays, because the fit walks them thousands of
 * times.
 */
public final class HistoryCounts {
  private final int[] repeats;
  private final double[] lastAt;
  private final double[] observedFor;
  private final long[] counts;
  private final long members;
  private final int maxRepeats;
  // every distinct time (last at, observed for) once, and each row's index into them: the fit takes
  // log(α + t) once per distinct time, not twice per row (days make few distinct times)
  private final double[] times;
  private final int[] lastAtIndex;
  private final int[] observedForIndex;

  private HistoryCounts(List<Counted> rows) {
    int n = rows.size();
    repeats = new int[n];
    lastAt = new double[n];
    observedFor = new double[n];
    counts = new long[n];
    long total = 0;
    int max = 0;
    for (int i = 0; i < n; i++) {
      Counted row = rows.get(i);
      repeats[i] = row.history().repeats();
      lastAt[i] = row.history().lastAt();
      observedFor[i] = row.history().observedFor();
      counts[i] = row.count();
      total += row.count();
      max = Math.max(max, repeats[i]);
    }
    members = total;
    maxRepeats = max;
    java.util.Map<Double, Integer> index = new java.util.HashMap<>();
    lastAtIndex = new int[n];
    observedForIndex = new int[n];
    for (int i = 0; i < n; i++) {
      lastAtIndex[i] = index.computeIfAbsent(lastAt[i], t -> index.size());
      observedForIndex[i] = index.computeIfAbsent(observedFor[i], t -> index.size());
    }
    times = new double[index.size()];
    index.forEach((t, i) -> times[i] = t);
  }

  /** A history shared by {@code count} members (at least one). */
  public record Counted(ActivityHistory history, long count) {
    public Counted {
      if (history == null || count < 1) {
        throw new IllegalArgumentException("a counted history needs a history and a count >= 1");
      }
    }
  }

  public static HistoryCounts of(List<Counted> rows) {
    return new HistoryCounts(rows);
  }

  /** Every history once, counted once each (the ungrouped form, for comparison). */
  public static HistoryCounts ungrouped(List<ActivityHistory> histories) {
    List<Counted> rows = new ArrayList<>(histories.size());
    for (ActivityHistory h : histories) {
      rows.add(new Counted(h, 1));
    }
    return of(rows);
  }

  /** The number of distinct rows. */
  public int rows() {
    return counts.length;
  }

  /** The number of members, the sum of the counts. */
  public long members() {
    return members;
  }

  int repeats(int i) {
    return repeats[i];
  }

  double lastAt(int i) {
    return lastAt[i];
  }

  double observedFor(int i) {
    return observedFor[i];
  }

  long count(int i) {
    return counts[i];
  }

  /** The distinct times of the rows (last at and observed for). */
  double[] times() {
    return times;
  }

  int lastAtIndex(int i) {
    return lastAtIndex[i];
  }

  int observedForIndex(int i) {
    return observedForIndex[i];
  }

  int maxRepeats() {
    return maxRepeats;
  }
}
