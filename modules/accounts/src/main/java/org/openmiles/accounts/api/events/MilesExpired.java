package org.openmiles.accounts.api.events;

import java.time.LocalDate;
import java.util.List;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Miles expired by one committed chunk of an expiry run (as of {@code asOf}): one event per chunk,
 * not per member. Fired with the chunk's {@link MilesPosted}; notifications observe it {@code
 * AFTER_SUCCESS}.
 */
public record MilesExpired(LocalDate asOf, List<Expired> members) {
  public MilesExpired {
    members = List.copyOf(members);
  }

  /**
   * {@code miles} (positive) left {@code member}'s balance in entry {@code entryId}; {@code reason}
   * is {@code FIXED_TERM} or {@code INACTIVITY}.
   */
  public record Expired(long entryId, MemberNumber member, long miles, String reason) {}
}
