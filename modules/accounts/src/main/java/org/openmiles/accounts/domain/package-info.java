/**
 * Accounts domain: the member aggregate, its field rules, and the pure ledger rules (expiry policy,
 * lot consumption, account state) that the application service applies under a row lock.
 */
package org.openmiles.accounts.domain;
