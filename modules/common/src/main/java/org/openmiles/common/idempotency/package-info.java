/**
 * The one Idempotency-Key component (issue 17): a request's {@link
 * org.openmiles.common.idempotency.Fingerprint}, the key's rules, and two ways to keep the answer.
 *
 * <ul>
 *   <li>A stored answer ({@link org.openmiles.common.idempotency.IdempotentCalls} over an {@link
 *       org.openmiles.common.idempotency.IdempotencyStore}, {@link
 *       org.openmiles.common.idempotency.JdbcIdempotencyStore} on the module's own table): the
 *       answer (status and body) commits with the effect; a retry gets it again, a key reused with
 *       another fingerprint is refused, one still running is in use (Cash &amp; Miles).
 *   <li>The business row as the answer ({@link
 *       org.openmiles.common.idempotency.Fingerprint#replay}): the key and fingerprint are columns
 *       of the row the request created (a member, a claim, an award), and a retry reads that row
 *       again (enrollment).
 * </ul>
 */
package org.openmiles.common.idempotency;
