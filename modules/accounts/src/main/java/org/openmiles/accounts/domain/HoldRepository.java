package org.openmiles.accounts.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.HoldStatus;
import org.openmiles.accounts.api.HoldView;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.domain.EntryRepository.NewEntry;

/**
 * The ledger's two-phase holds: placed and resolved (captured, released, expired) at most once,
 * each in one statement with its entry and its account. Callers hold the account's lock.
 */
public interface HoldRepository {

  Optional<StoredHold> findHold(String sourceRef);

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

  /** Active holds past their time limit, by id after {@code afterId}. */
  List<DueHold> dueHolds(Instant now, long afterId, int limit);

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
}
