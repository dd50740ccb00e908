package org.openmiles.accrual.api;

/**
 * Counts of a processed file, for its acknowledgement and the file monitor. {@code milesIssued} are
 * the miles credited (for partner files the base miles the partner is billed for, as in
 * settlement); {@code bonusMiles} the promotion bonus miles credited on top, reported apart because
 * the program, not the partner, funds them. {@code reversed} counts records that took back an
 * earlier credit (refunded, voided or exchanged coupons), {@code milesReversed} the miles they took
 * back (a positive number).
 */
public record FileSummary(
    int records,
    int accepted,
    int duplicates,
    int parked,
    int rejected,
    long milesIssued,
    long bonusMiles,
    int reversed,
    long milesReversed) {

  /** Counts without promotion bonus or reversals. */
  public FileSummary(
      int records, int accepted, int duplicates, int parked, int rejected, long milesIssued) {
    this(records, accepted, duplicates, parked, rejected, milesIssued, 0, 0, 0);
  }

  public FileSummary plus(ActivityResult r) {
    FileSummary s =
        new FileSummary(
            records + 1,
            accepted,
            duplicates,
            parked,
            rejected,
            milesIssued,
            bonusMiles,
            reversed,
            milesReversed);
    return switch (r.outcome()) {
      case CREDITED -> s.with(1, 0, 0, 0, r.miles(), r.bonusMiles(), 0, 0);
      case DUPLICATE -> s.with(0, 1, 0, 0, 0, 0, 0, 0);
      case PARKED -> s.with(0, 0, 1, 0, 0, 0, 0, 0);
      case REJECTED -> s.with(0, 0, 0, 1, 0, 0, 0, 0);
      case REVERSED -> s.with(0, 0, 0, 0, 0, 0, 1, Math.abs(r.miles()));
    };
  }

  private FileSummary with(
      int accepted,
      int duplicates,
      int parked,
      int rejected,
      long miles,
      long bonus,
      int reversed,
      long milesReversed) {
    return new FileSummary(
        records,
        this.accepted + accepted,
        this.duplicates + duplicates,
        this.parked + parked,
        this.rejected + rejected,
        milesIssued + miles,
        bonusMiles + bonus,
        this.reversed + reversed,
        this.milesReversed + milesReversed);
  }

  public static FileSummary empty() {
    return new FileSummary(0, 0, 0, 0, 0, 0);
  }
}
