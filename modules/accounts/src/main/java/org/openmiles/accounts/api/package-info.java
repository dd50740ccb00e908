/**
 * The published face of the accounts module: what other modules and adapters may use.
 *
 * <p>{@link org.openmiles.accounts.api.MemberService} enrolls and maintains members; {@link
 * org.openmiles.accounts.api.MilesLedger} is the single source of truth for miles: nothing changes
 * a balance except an entry posted through it. Every mutation carries a source reference that is
 * its idempotency key: posting the same reference twice has one effect.
 *
 * <p>Facts leave as CDI events ({@link org.openmiles.accounts.api.events}); they carry ids and
 * values, never entities, and are fired inside the posting transaction so that observers which must
 * stay consistent can join it, while side effects observe {@code AFTER_SUCCESS}.
 */
package org.openmiles.accounts.api;
