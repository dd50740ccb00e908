package org.openmiles.accrual.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.openmiles.accrual.domain.Promotions.MemberKey;

/** Promotions and the bonuses they have awarded, with each member's running total per promotion. */
public interface PromotionRepository {
  /**
   * The versions of promotions in force at some date of {@code [first, last]} (both included) whose
   * window overlaps it, each knowing until when it is the promotion's (the next version's date).
   */
  List<Promotion> overlapping(LocalDate first, LocalDate last);

  /**
   * The date each of {@code keys} registered for its promotion; a member not registered is absent.
   */
  Map<MemberKey, LocalDate> registrations(SortedSet<MemberKey> keys);

  /**
   * Locks the running totals of {@code keys} until the transaction ends (creating missing ones at
   * zero) and returns them. Must run inside a transaction; see the class comment for why this
   * cannot deadlock.
   */
  Map<MemberKey, Long> lockTotals(SortedSet<MemberKey> keys);

  /** The running totals of {@code keys} as they stand, read without a lock (absent: none yet). */
  Map<MemberKey, Long> totals(SortedSet<MemberKey> keys);

  /** The miles already awarded under each of {@code references} that has an award row. */
  Map<String, Long> awarded(List<String> references);

  /**
   * Records bonuses the ledger accepted and adds them to the running totals; a reference recorded
   * before is skipped and adds nothing. Returns how many award rows were new.
   */
  long record(List<PromotionAward> awards);
}
