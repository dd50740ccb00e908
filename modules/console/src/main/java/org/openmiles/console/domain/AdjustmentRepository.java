package org.openmiles.console.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Goodwill adjustments agents request and supervisors decide. */
public interface AdjustmentRepository {

  /** Records a new adjustment and returns its id. */
  long insert(
      String member, long miles, String reason, AdjustmentStatus status, String by, Instant at);

  /** The adjustment, locked for the rest of the transaction (an approval decides it once). */
  Optional<AdjustmentView> lock(long id);

  void decide(
      long id, AdjustmentStatus status, String by, Instant at, String note, Long ledgerEntry);

  /** The oldest pending adjustments, at most {@code limit}. */
  List<AdjustmentView> pending(int limit);

  long countPending();

  /** A member's adjustments, newest first, at most {@code limit}. */
  List<AdjustmentView> ofMember(String member, int limit);
}
