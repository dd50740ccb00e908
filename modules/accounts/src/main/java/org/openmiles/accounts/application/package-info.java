/**
 * Accounts application services: the transaction boundaries. {@code DefaultMilesLedger} locks the
 * accounts it touches (in member id order, so concurrent batches never deadlock), checks every rule
 * against the locked state, then appends entries and updates balances with set-based SQL.
 */
package org.openmiles.accounts.application;
