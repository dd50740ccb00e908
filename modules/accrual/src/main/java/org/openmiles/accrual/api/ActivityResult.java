package org.openmiles.accrual.api;

/**
 * What became of one record: CREDITED (with its miles), DUPLICATE (credited before, by another
 * file), PARKED (member not enrolled yet; credited if they enroll in time) or REJECTED (with a
 * stable code and a reason for the partner's reject file).
 */
public record ActivityResult(
    long lineNumber, Outcome outcome, long miles, String code, String reason) {

  public enum Outcome {
    CREDITED,
    DUPLICATE,
    PARKED,
    REJECTED
  }

  public static ActivityResult rejected(long line, String code, String reason) {
    return new ActivityResult(line, Outcome.REJECTED, 0, code, reason);
  }
}
