package org.openmiles.accounts.api;

/**
 * ACTIVE members earn and spend; SUSPENDED members keep earning but cannot spend or hold miles;
 * CLOSED members do neither. An agent may reactivate either with a reason; every change is kept in
 * the member's status history.
 */
public enum MemberStatus {
  ACTIVE,
  SUSPENDED,
  CLOSED;

  public boolean mayEarn() {
    return this != CLOSED;
  }

  public boolean maySpend() {
    return this == ACTIVE;
  }
}
