package org.openmiles.accrual.domain;

import org.openmiles.accrual.api.FileClaim;

/**
 * A claim to insert (status PENDING until matched, in the same transaction): the request, the
 * number of the member it is filed for, and the idempotency key and request hash it was filed with.
 */
public record NewClaim(String member, FileClaim claim, String idempotencyKey, String requestHash) {}
