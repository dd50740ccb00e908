/**
 * Facts the accounts module publishes, as small immutable records carrying ids and values. Fired in
 * the transaction that made them true: observe {@code IN_PROGRESS} to stay consistent with it,
 * {@code AFTER_SUCCESS} for side effects that must only follow a commit.
 */
package org.openmiles.accounts.api.events;
