package org.openmiles.accounts.domain;

import java.time.LocalDate;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.InsufficientMilesException;
import org.openmiles.accounts.api.MemberNotActiveException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberStatus;

/**
 * A member's miles position while its row is locked for one transaction. Every change is checked
 * here first (status, available miles) and only then written, so a refused request writes nothing.
 * {@code available = balance - held} never goes below zero.
 */
public final class Account {
  private final long memberId;
  private final MemberNumber number;
  private final MemberStatus status;
  private long balance;
  private long held;
  private LocalDate lastActivity;
  private boolean changed;

  public Account(
      long memberId,
      MemberNumber number,
      MemberStatus status,
      long balance,
      long held,
      LocalDate lastActivity) {
    this.memberId = memberId;
    this.number = number;
    this.status = status;
    this.balance = balance;
    this.held = held;
    this.lastActivity = lastActivity;
  }

  /** Checks and applies a directly posted entry; returns the balance after it. */
  public long post(EntryType type, long miles, LocalDate activityDate) {
    if (miles > 0) {
      requireMayEarn();
    } else {
      requireMaySpend();
      requireAvailable(-miles);
    }
    balance += miles;
    if (type != EntryType.REVERSAL) {
      noteActivity(activityDate); // earning, redeeming, redeposits and agents' adjustments
    }
    changed = true;
    return balance;
  }

  public void placeHold(long miles) {
    requireMaySpend();
    requireAvailable(miles);
    held += miles;
    changed = true;
  }

  /** Captures {@code captured} of a hold of {@code holdAmount}; the rest is released. */
  public long captureHold(long holdAmount, long captured, LocalDate today) {
    held -= holdAmount;
    balance -= captured;
    noteActivity(today);
    changed = true;
    return balance;
  }

  public void releaseHold(long holdAmount) {
    held -= holdAmount;
    changed = true;
  }

  /**
   * Gives up every mile to the survivor of a merge; returns how many. Not a spend (a suspended
   * duplicate may be merged), but nothing may be on hold: a hold belongs to a payment in progress.
   */
  public long mergeOut() {
    if (held > 0) {
      throw new IllegalStateException("member " + number + " has " + held + " miles on hold");
    }
    long miles = balance;
    balance = 0;
    changed = true;
    return miles;
  }

  /**
   * Takes a merged duplicate's miles; the duplicate's last activity counts as the survivor's (one
   * person), which matters under an inactivity expiry policy. Returns the balance after.
   */
  public long mergeIn(long miles, LocalDate duplicateLastActivity) {
    requireMayEarn();
    balance += miles;
    if (duplicateLastActivity != null) {
      noteActivity(duplicateLastActivity);
    }
    changed = true;
    return balance;
  }

  /** Expires up to {@code due} miles, never touching held ones; returns how many expired. */
  public long expire(long due) {
    long miles = Math.min(due, available());
    if (miles > 0) {
      balance -= miles;
      changed = true;
    }
    return miles;
  }

  private void noteActivity(LocalDate date) {
    if (lastActivity == null || date.isAfter(lastActivity)) {
      lastActivity = date;
    }
  }

  private void requireMayEarn() {
    if (!status.mayEarn()) {
      throw new MemberNotActiveException("member " + number + " is " + status + " and cannot earn");
    }
  }

  private void requireMaySpend() {
    if (!status.maySpend()) {
      throw new MemberNotActiveException(
          "member " + number + " is " + status + " and cannot spend or hold miles");
    }
  }

  private void requireAvailable(long miles) {
    if (miles > available()) {
      throw new InsufficientMilesException(
          "member " + number + " has " + available() + " miles available, " + miles + " needed");
    }
  }

  public long memberId() {
    return memberId;
  }

  public MemberNumber number() {
    return number;
  }

  public MemberStatus status() {
    return status;
  }

  public long balance() {
    return balance;
  }

  public long held() {
    return held;
  }

  public long available() {
    return balance - held;
  }

  public LocalDate lastActivity() {
    return lastActivity;
  }

  public boolean changed() {
    return changed;
  }
}
