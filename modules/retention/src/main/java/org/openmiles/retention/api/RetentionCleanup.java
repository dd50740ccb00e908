package org.openmiles.retention.api;

import java.time.Instant;

/** Housekeeping of the retention module's own tables, run by the hourly clean-up job. */
public interface RetentionCleanup {
  /**
   * Deletes the Idempotency-Keys of the retention API created more than {@code
   * openmiles.retention.idempotency.retention-hours} before {@code now}; answers how many.
   */
  int purgeIdempotencyKeys(Instant now);
}
