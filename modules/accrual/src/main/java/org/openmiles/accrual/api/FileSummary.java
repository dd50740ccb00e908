package org.openmiles.accrual.api;

/**
 * Counts of a processed file, for its acknowledgement and the file monitor. {@code reversed} counts
 * records that took back an earlier credit (refunded, voided or exchanged coupons), {@code
 * milesReversed} the miles they took back (a positive number).
 */
public record FileSummary(
    int records,
    int accepted,
    int duplicates,
    int parked,
    int rejected,
    long milesIssued,
    int reversed,
    long milesReversed) {

  public FileSummary(
      int records, int accepted, int duplicates, int parked, int rejected, long milesIssued) {
    this(records, accepted, duplicates, parked, rejected, milesIssued, 0, 0);
  }

  public FileSummary plus(ActivityResult r) {
    int rec = records + 1;
    return switch (r.outcome()) {
      case CREDITED ->
          new FileSummary(
              rec,
              accepted + 1,
              duplicates,
              parked,
              rejected,
              milesIssued + r.miles(),
              reversed,
              milesReversed);
      case DUPLICATE ->
          new FileSummary(
              rec,
              accepted,
              duplicates + 1,
              parked,
              rejected,
              milesIssued,
              reversed,
              milesReversed);
      case PARKED ->
          new FileSummary(
              rec,
              accepted,
              duplicates,
              parked + 1,
              rejected,
              milesIssued,
              reversed,
              milesReversed);
      case REJECTED ->
          new FileSummary(
              rec,
              accepted,
              duplicates,
              parked,
              rejected + 1,
              milesIssued,
              reversed,
              milesReversed);
      case REVERSED ->
          new FileSummary(
              rec,
              accepted,
              duplicates,
              parked,
              rejected,
              milesIssued,
              reversed + 1,
              milesReversed + Math.abs(r.miles()));
    };
  }

  public static FileSummary empty() {
    return new FileSummary(0, 0, 0, 0, 0, 0);
  }
}
