package org.openmiles.cashmiles.api;

import java.time.Instant;

/**
 * Housekeeping of the booking-engine API's records: quotes that expired long ago without a payment,
 * and answered Idempotency-Keys older than their retention. Payments, refunds and the quotes
 * payments were made on are never deleted. Safe to run at any time and on several nodes at once
 * (each chunk deletes rows no other run is deleting); scheduled once per cluster.
 */
public interface CashMilesCleanup {

  /** What a run deleted. */
  record Result(Instant asOf, int quotesDeleted, int idempotencyKeysDeleted) {}

  /** Deletes what is past its retention as of {@code now}, in chunks of their own transactions. */
  Result cleanUp(Instant now);
}
