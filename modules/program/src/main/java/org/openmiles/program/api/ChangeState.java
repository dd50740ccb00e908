package org.openmiles.program.api;

/**
 * Where a change request stands. A proposal is decided once: approved (and then applied by the
 * module that owns the rule), rejected, or withdrawn by its proposer.
 */
public enum ChangeState {
  PROPOSED,
  APPROVED,
  APPLIED,
  REJECTED,
  WITHDRAWN;

  /** Whether nothing further can happen to a request in this state. */
  public boolean ended() {
    return this == APPLIED || this == REJECTED || this == WITHDRAWN;
  }
}
