package org.openmiles.accounts.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The miles ledger: append-only entries, balances derived from them, two-phase holds, expiry lots.
 *
 * <p>Invariants, for every member at every commit: {@code balance} = sum of entry amounts; {@code
 * held} = sum of active holds; {@code available = balance - held >= 0}; every source reference has
 * exactly one effect; debits consume expiry lots oldest-expiry-first.
 */
public interface MilesLedger {

  /** Post one entry; a retry with the same source reference returns the first result. */
  PostingResult post(PostMiles posting);

  /**
   * Post many entries in one transaction with set-based SQL. Refusals that concern one posting
   * (unknown member, not enough miles) are reported per posting; a fault rolls back the whole
   * batch. Fires one {@link org.openmiles.accounts.api.events.MilesPosted} for the batch.
   */
  BatchResult postBatch(List<PostMiles> postings);

  HoldView placeHold(PlaceHold hold);

  HoldView captureHold(CaptureHold capture);

  HoldView releaseHold(SourceReference hold);

  HoldView hold(SourceReference hold);

  List<HoldView> holds(MemberNumber member, boolean activeOnly);

  BalanceView balance(MemberNumber member);

  /**
   * The miles a member may spend now (balance minus held miles), in one read and without loading
   * the member: for paths that only need that number (a Cash &amp; Miles quote).
   *
   * @throws MemberNotFoundException if there is no such member
   * @throws MemberNotActiveException if the member's status does not allow spending
   */
  long spendable(MemberNumber member);

  StatementPage statement(StatementQuery query);

  /** Expire every active hold whose time limit passed before {@code now}; returns how many. */
  int expireHolds(Instant now);

  /**
   * Expire miles whose last valid day is before {@code asOf} (and, under the inactivity policy, the
   * miles of members inactive too long). Idempotent for a given date.
   */
  ExpiryRunResult expireMiles(LocalDate asOf);

  /**
   * Moves the member's soonest-expiring miles (still valid today) to a later expiry, never by
   * editing entries: an {@link EntryType#EXTENSION} entry of zero miles records the operation, the
   * old lots give up the miles and new lots dated {@code months} later take them. Refused with
   * {@link NoExpiringMilesException} when nothing expires on its own date; extends fewer miles than
   * asked when fewer expire.
   */
  ExpiryExtension extendExpiry(ExtendExpiry extension);

  /**
   * Members whose miles expire from {@code from} to {@code to} (both included), after {@code after}
   * (null: from the start) by member number, at most {@code limit}: dated lots, and under the
   * inactivity policy in force on {@code to}, whole balances of members whose inactivity period
   * ends in the window.
   */
  ExpiringMilesPage expiringMiles(LocalDate from, LocalDate to, MemberNumber after, int limit);
}
