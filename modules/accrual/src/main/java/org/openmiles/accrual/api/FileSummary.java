package org.openmiles.accrual.api;

/** Counts of a processed file, for its acknowledgement and the partner file monitor. */
public record FileSummary(
    int records, int accepted, int duplicates, int parked, int rejected, long milesIssued) {

  public FileSummary plus(ActivityResult r) {
    return switch (r.outcome()) {
      case CREDITED ->
          new FileSummary(
              records + 1, accepted + 1, duplicates, parked, rejected, milesIssued + r.miles());
      case DUPLICATE ->
          new FileSummary(records + 1, accepted, duplicates + 1, parked, rejected, milesIssued);
      case PARKED ->
          new FileSummary(records + 1, accepted, duplicates, parked + 1, rejected, milesIssued);
      case REJECTED ->
          new FileSummary(records + 1, accepted, duplicates, parked, rejected + 1, milesIssued);
    };
  }

  public static FileSummary empty() {
    return new FileSummary(0, 0, 0, 0, 0, 0);
  }
}
