/**
 * Facts about Cash &amp; Miles payments: small records with ids and values, never entities. They
 * are fired inside the transaction that made them true; observe them with {@code during =
 * TransactionPhase.AFTER_SUCCESS} to act only once that transaction committed.
 */
package org.openmiles.cashmiles.api.events;
