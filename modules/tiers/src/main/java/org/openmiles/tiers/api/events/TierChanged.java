package org.openmiles.tiers.api.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Members' tiers changed by an instant upgrade, an agent override or the end of one: one event per
 * committed batch, never one per member on bulk paths. Fired inside the transaction that made it
 * true; consumers observe it {@code during = AFTER_SUCCESS}, so they see it only once it is
 * committed. Review moves are not listed here (a review can move hundreds of thousands of members):
 * they are announced by {@link TierReviewCompleted} and kept in each member's history.
 */
public record TierChanged(List<Change> changes) {
  public TierChanged {
    changes = List.copyOf(changes);
  }

  /**
   * One member's effective tier went from {@code fromTier} to {@code toTier} ({@code source}:
   * UPGRADE, MERGE, OVERRIDE, OVERRIDE_ENDED); {@code validUntil} is the last day of the new status
   * ({@code null}: no end date).
   */
  public record Change(
      String member,
      String fromTier,
      String toTier,
      String source,
      LocalDate validUntil,
      Instant at) {
    public Change {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(fromTier, "fromTier");
      Objects.requireNonNull(toTier, "toTier");
      Objects.requireNonNull(source, "source");
    }
  }
}
