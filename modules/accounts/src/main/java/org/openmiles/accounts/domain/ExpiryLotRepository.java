package org.openmiles.accounts.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Expiry lots, the expiry policy, and the members whose miles are due to expire: what decides when
 * credited miles lapse (ADR 0012, ADR 0017). Callers that change lots hold the members' account
 * locks.
 */
public interface ExpiryLotRepository {

  /** Adds lots that belong to one entry each (a redeposit with its own expiry, an extension). */
  void insertLots(List<NewLot> lots);

  /**
   * Adds policy-dated credits to the member's pooled lot for their expiry date, creating it when
   * there is none: one lot per (member, expiry date), whatever the number of credits (ADR 0017).
   * Callers hold the members' account locks.
   */
  void addToPooledLots(List<PooledCredit> credits);

  /** Open lots of a member in consumption order (expiry date, then id). */
  List<ExpiryLots.OpenLot> openLots(long memberId, int limit, int offset);

  void consumeLots(List<ExpiryLots.Take> takes);

  /** The lots an entry created, original miles summed per expiry date, soonest first. */
  List<BalanceView.ExpiringMiles> lotsCreatedBy(long entryId);

  /** The expiry date of each of these lots. */
  Map<Long, LocalDate> lotExpiries(Collection<Long> lotIds);

  /**
   * Open lots of a member with a date of their own still valid on {@code validOn} (not {@link
   * ExpiryPolicy#NEVER}), soonest expiry first, then oldest lot.
   */
  List<DatedLot> datedLots(long memberId, LocalDate validOn, int limit);

  /**
   * Members after {@code after} (by number) with dated lots expiring from {@code from} to {@code
   * to}, or, if {@code inactivity} is not null, whose last activity plus its months falls in the
   * window.
   */
  List<ExpiringMilesPage.Member> expiringMembers(
      LocalDate from, LocalDate to, ExpiryPolicy inactivity, String after, int limit);

  ExpiryPolicy policyOn(LocalDate date);

  /** Members after {@code afterMemberId} holding lots that expired before {@code asOf}. */
  List<DueMiles> dueMiles(LocalDate asOf, long afterMemberId, int limit);

  /** Members after {@code afterMemberId} whose last activity is before {@code lastActiveBefore}. */
  List<DueMiles> lapsedMembers(LocalDate lastActiveBefore, long afterMemberId, int limit);

  record NewLot(long memberId, long entryId, LocalDate expiresOn, long miles) {}

  record PooledCredit(long memberId, LocalDate expiresOn, long miles) {}

  record DatedLot(long id, long remaining, LocalDate expiresOn) {}

  record DueMiles(long memberId, MemberNumber member, long due) {}
}
