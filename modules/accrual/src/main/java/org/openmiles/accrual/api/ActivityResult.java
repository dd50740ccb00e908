package org.openmiles.accrual.api;

/**
 * What became of one record: CREDITED (with its miles), DUPLICATE (credited before, by another
 * file), PARKED (member not enrolled yet; credited if they enroll in time) or REJECTED (with a
 * stable code and a reason for the partner's reject file).
 *
 * <p>{@code miles} are the base miles the partner's earn rule gives, which the partner pays for;
 * {@code bonusMiles} are promotion bonus miles credited on top of them (separate, non-qualifying
 * ledger entries, not billed to the partner), 0 when no promotion applies.
 */
public record ActivityResult(
    long lineNumber, Outcome outcome, long miles, String code, String reason, long bonusMiles) {

  public enum Outcome {
    CREDITED,
    DUPLICATE,
    PARKED,
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
