package org.openmiles.accrual.api;

/**
 * Counts of a processed file, for its acknowledgement and the partner file monitor. {@code
 * milesIssued} are the base miles credited (what the partner is billed for, as in settlement);
 * {@code bonusMiles} the promotion bonus miles credited on top, reported apart because the program,
 * not the partner, funds them.
 */
public record FileSummary(
    int records,
    int accepted,
    int duplicates,
    int parked,
    int rejected,
    long milesIssued,
    long bonusMiles) {

  /** Counts without promotion bonus. */
  public FileSummary(
      int records, int accepted, int duplicates, int parked, int rejected, long milesIssued) {
    this(records, accepted, duplicates, parked, rejected, milesIssued, 0);
  }

  public FileSummary plus(ActivityResult r) {
    return switch (r.outcome()) {
      case CREDITED ->
          new FileSummary(
              records + 1,
              accepted + 1,
              duplicates,
              parked,
              rejected,
              milesIssued + r.miles(),
              bonusMiles + r.bonusMiles());
      case DUPLICATE ->
          new FileSummary(
              records + 1, accepted, duplicates + 1, parked, rejected, milesIssued, bonusMiles);
      case PARKED ->
          new FileSummary(
              records + 1, accepted, duplicates, parked + 1, rejected, milesIssued, bonusMiles);
      case REJECTED ->
          new FileSummary(
              records + 1, accepted, duplicates, parked, rejected + 1, milesIssued, bonusMiles);
    };
  }

  public static FileSummary empty() {
    return new FileSummary(0, 0, 0, 0, 0, 0, 0);
  }
}
