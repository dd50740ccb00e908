package org.openmiles.retention.domain;

import org.openmiles.common.idempotency.IdempotencyStore;

/**
 * The Idempotency-Keys of the retention API, per caller (the token's subject), in {@code
 * retention.idempotency_key}: the common stored-answer store on this module's table.
 */
public interface IdempotencyRepository extends IdempotencyStore {}
