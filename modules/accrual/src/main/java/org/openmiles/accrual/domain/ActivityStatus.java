package org.openmiles.accrual.domain;

/**
 * Where a partner activity record stands ({@code accrual.partner_activity.status}, whose check
 * constraint allows exactly these). A record earns once, whichever file brings it.
 */
public enum ActivityStatus {
  /** Its miles are posted to the member it names. */
  CREDITED,
  /** It names a member number not enrolled (yet): credited if they enroll in time. */
  PARKED,
  /** Refused when it was received: it earned nothing. */
  REJECTED,
  /** A credited record the partner took back: its miles and promotion bonus were reversed. */
  REVERSED,
  /** A parked record the partner took back before it was credited. */
  CANCELLED;

  /** True for a record the partner took back (reversed or cancelled). */
  public boolean takenBack() {
    return this == REVERSED || this == CANCELLED;
  }
}
