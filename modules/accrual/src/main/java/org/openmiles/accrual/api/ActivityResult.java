package org.openmiles.accrual.api;

/**
 * What became of one record: CREDITED (with its miles), DUPLICATE (handled before, by another
 * file), PARKED (member not enrolled or not known yet; credited if matched in time), REVERSED (took
 * back an earlier credit: {@code miles} is what was taken back) or REJECTED (with a stable code and
 * a reason for the sender's reject file).
 *
 * <p>For partner records {@code miles} are the base miles the partner's earn rule gives, which the
 * partner pays for; {@code bonusMiles} are promotion bonus miles credited on top of them (separate,
 * non-qualifying ledger entries, not billed to the partner), 0 when no promotion applies.
 */
public record ActivityResult(
    long lineNumber, Outcome outcome, long miles, String code, String reason, long bonusMiles) {

  public enum Outcome {
    CREDITED,
    DUPLICATE,
    PARKED,
    REVERSED,
    REJECTED
  }

  /** A result without promotion bonus. */
  public ActivityResult(long lineNumber, Outcome outcome, long miles, String code, String reason) {
    this(lineNumber, outcome, miles, code, reason, 0);
  }

  public static ActivityResult rejected(long line, String code, String reason) {
    return new ActivityResult(line, Outcome.REJECTED, 0, code, reason);
  }
}
