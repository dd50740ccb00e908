package org.openmiles.cashmiles.domain;

import org.openmiles.common.idempotency.IdempotencyStore;

/**
 * The Idempotency-Keys of the booking-engine API, per client (the scope is the client id), in
 * {@code cashmiles.idempotency_key}: the common stored-answer store (ADR 0016) on this module's own
 * table.
 */
public interface IdempotencyRepository extends IdempotencyStore {}
