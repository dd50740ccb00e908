package org.openmiles.accounts.api;

/** A hold is ACTIVE until it is resolved, exactly once, into one of the other states. */
public enum HoldStatus {
  ACTIVE,
  CAPTURED,
  RELEASED,
  EXPIRED
}
