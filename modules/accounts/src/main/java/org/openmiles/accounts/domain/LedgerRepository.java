package org.openmiles.accounts.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.HoldStatus;
import org.openmiles.accounts.api.HoldView;
import org.openmiles.accounts.api.LedgerEntryView;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.Qualifying;

/**
 * Storage of the ledger. Set-based by design: every method takes or returns collections so that a
 * batch of ten thousand postings costs a handful of statements, not ten thousand. Callers hold the
 * account row locks (see {@link #lockAccounts}) before they append or update anything.
 */
public interface LedgerRepository {

  /** Creates the empty account of a newly enrolled member. */
  void createAccount(long memberId);

  /** Locks the accounts of the known members among {@code members}, in member id order. */
  Map<MemberNumber, Account> lockAccounts(Collection<MemberNumber> members);

  /** The entries already posted under any of these source references. */
  Map<String, StoredEntry> findEntries(Collection<String> sourceRefs);

  /** Appends entries; returns their ids by source reference. */
  Map<String, Long> insertEntries(List<NewEntry> entries);

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

  /** Writes back the balance, held miles and last activity of the accounts that changed. */
  void saveAccounts(Collection<Account> accounts);

  ExpiryPolicy policyOn(LocalDate date);

  Optional<StoredHold> findHold(String sourceRef);

  /**
   * Locks the account of the member who has the hold with this reference, in one statement (a
   * hold's member never changes); empty if there is no such hold. Read the hold again under the
   * lock.
   */
  Optional<Account> lockAccountOfHold(String sourceRef);

  /**
   * What a reference is used by, in one statement: the hold with it, if any, and whether a ledger
   * entry has it (a posting, or the hold's own entries).
   */
  RefUse refUse(String sourceRef);

  /**
   * Places a hold in one statement: inserts the hold, its {@code HOLD} entry ({@code entry}'s hold
   * id is ignored: the new hold's id is used) and writes the account back.
   *
   * @return the new hold's id
   */
  long insertHold(
      String sourceRef,
      long miles,
      String description,
      Instant at,
      Instant expiresAt,
      NewEntry entry,
      Account account);

  /**
   * Resolves an active hold in one statement: its entry, the hold's new state and the account.
   *
   * @return the entry's id
   * @throws IllegalStateException if the hold was not active (nothing is written)
   */
  long resolveHold(
      long holdId, HoldStatus status, long captured, Instant at, NewEntry entry, Account account);

  List<HoldView> holds(MemberNumber member, boolean activeOnly, int limit);

  Optional<BalanceView> balance(MemberNumber member, int expiringLots);

  /** A member's status and available miles (balance minus held), in one read. */
  Optional<Spendable> spendable(MemberNumber member);

  /** {@link #spendable}. */
  record Spendable(MemberStatus status, long available) {}

  List<LedgerEntryView> statement(
      MemberNumber member,
      LocalDate from,
      LocalDate to,
      Set<EntryType> types,
      Long beforeId,
      int limit);

  /** Active holds past their time limit, by id after {@code afterId}. */
  List<DueHold> dueHolds(Instant now, long afterId, int limit);

  /** Members after {@code afterMemberId} holding lots that expired before {@code asOf}. */
  List<DueMiles> dueMiles(LocalDate asOf, long afterMemberId, int limit);

  /** Members after {@code afterMemberId} whose last activity is before {@code lastActiveBefore}. */
  List<DueMiles> lapsedMembers(LocalDate lastActiveBefore, long afterMemberId, int limit);

  /** An entry as stored, for replay detection. */
  record StoredEntry(
      long id,
      MemberNumber member,
      EntryType type,
      long amount,
      long balanceAfter,
      String sourceRef) {}

  record NewEntry(
      long memberId,
      EntryType type,
      long amount,
      long heldDelta,
      long balanceAfter,
      String sourceRef,
      Long holdId,
      LocalDate activityDate,
      String description,
      Qualifying qualifying) {
    public NewEntry(
        long memberId,
        EntryType type,
        long amount,
        long heldDelta,
        long balanceAfter,
        String sourceRef,
        Long holdId,
        LocalDate activityDate,
        String description) {
      this(
          memberId,
          type,
          amount,
          heldDelta,
          balanceAfter,
          sourceRef,
          holdId,
          activityDate,
          description,
          Qualifying.NONE);
    }
  }

  record NewLot(long memberId, long entryId, LocalDate expiresOn, long miles) {}

  record PooledCredit(long memberId, LocalDate expiresOn, long miles) {}

  record DatedLot(long id, long remaining, LocalDate expiresOn) {}

  record StoredHold(
      long id,
      long memberId,
      MemberNumber member,
      long amount,
      long captured,
      HoldStatus status,
      Instant expiresAt,
      HoldView view) {}

  /** {@link #refUse}: the hold with a reference, and whether an entry has it. */
  record RefUse(Optional<StoredHold> hold, boolean entry) {}

  record DueHold(long id, String sourceRef, MemberNumber member) {}

  record DueMiles(long memberId, MemberNumber member, long due) {}
}
