package org.openmiles.accrual.api;

/**
 * What became of one record: CREDITED (with its miles), DUPLICATE (handled before, by another
 * file), PARKED (member not enrolled or not known yet; credited if matched in time), REVERSED (took
 * back an earlier credit: {@code miles} is what was taken back) or REJECTED (with a stable code and
 * a reason for the sender's reject file).
 */
public record ActivityResult(
    long lineNumber, Outcome outcome, long miles, String code, String reason) {

  public enum Outcome {
    CREDITED,
    DUPLICATE,
    PARKED,
    REVERSED,
    REJECTED
  }

  public static ActivityResult rejected(long line, String code, String reason) {
    return new ActivityResult(line, Outcome.REJECTED, 0, code, reason);
  }
}
