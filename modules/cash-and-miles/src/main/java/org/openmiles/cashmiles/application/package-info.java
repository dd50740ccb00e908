/**
 * Cash &amp; Miles application services: the transaction boundaries ({@code
 * DefaultCashMilesPayments}) and the Idempotency-Key protocol ({@code IdempotentRequests}: common's
 * {@code IdempotentCalls} per client, on this module's keys).
 */
package org.openmiles.cashmiles.application;
