package org.openmiles.retention.domain;

import java.util.List;

/**
 * Names a member's RFM scores (1 to 5 each; 5 the most recent, most frequent, most valuable) with
 * the segment marketing uses: the first rule whose recency range and frequency-and-monetary range
 * hold the scores. The frequency-and-monetary score is the rounded mean of the two ({@link #fm(int,
 * int)}). {@link #STANDARD} is the usual eleven-segment map; a program may configure its own rules
 * (docs/retention.md).
 */
public record RfmSegments(List<Rule> rules) {

  /**
   * A segment: recency scores {@code rFrom..rTo} and frequency-monetary scores {@code
   * fmFrom..fmTo}.
   */
  public record Rule(String segment, int rFrom, int rTo, int fmFrom, int fmTo) {
    public Rule {
      if (segment == null || segment.isBlank() || !inScale(rFrom, rTo) || !inScale(fmFrom, fmTo)) {
        throw new IllegalArgumentException("not an RFM rule: " + segment);
      }
    }

    boolean holds(int r, int fm) {
      return r >= rFrom && r <= rTo && fm >= fmFrom && fm <= fmTo;
    }

    private static boolean inScale(int from, int to) {
      return from >= 1 && to <= 5 && from <= to;
    }
  }

  /**
   * The usual map over recency (R) and frequency-monetary (FM), first match wins: Champions R5
   * FM4-5; Loyal R3-4 FM4-5; Can't lose them R1-2 FM5; At risk R1-2 FM3-4; Potential loyalists R4-5
   * FM2-3; New R5 FM1; Promising R4 FM1; Need attention R3 FM3; About to sleep R3 FM1-2; Lost R1
   * FM1; Hibernating R1-2 FM1-2.
   */
  public static final RfmSegments STANDARD =
      new RfmSegments(
          List.of(
              new Rule("Champions", 5, 5, 4, 5),
              new Rule("Loyal", 3, 4, 4, 5),
              new Rule("Can't lose them", 1, 2, 5, 5),
              new Rule("At risk", 1, 2, 3, 4),
              new Rule("Potential loyalists", 4, 5, 2, 3),
              new Rule("New", 5, 5, 1, 1),
              new Rule("Promising", 4, 4, 1, 1),
              new Rule("Need attention", 3, 3, 3, 3),
              new Rule("About to sleep", 3, 3, 1, 2),
              new Rule("Lost", 1, 1, 1, 1),
              new Rule("Hibernating", 1, 2, 1, 2)));

  public RfmSegments {
    rules = List.copyOf(rules);
    for (int r = 1; r <= 5; r++) {
      for (int fm = 1; fm <= 5; fm++) {
        final int rr = r;
        final int ff = fm;
        if (rules.stream().noneMatch(rule -> rule.holds(rr, ff))) {
          throw new IllegalArgumentException(
              "the rules name no segment for R"
                  + r
                  + " FM"
                  + fm
                  + ": every pair of scores needs one");
        }
      }
    }
  }

  /** The frequency-monetary score: the mean of the two, rounded half up. */
  public static int fm(int frequency, int monetary) {
    return (frequency + monetary + 1) / 2;
  }

  /** The segment of these scores. */
  public String segment(int recency, int frequency, int monetary) {
    int fm = fm(frequency, monetary);
    return rules.stream()
        .filter(rule -> rule.holds(recency, fm))
        .findFirst()
        .orElseThrow()
        .segment();
  }
}
