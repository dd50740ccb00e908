/**
 * Cash &amp; Miles application services: the transaction boundaries ({@code
 * DefaultCashMilesPayments}) and the Idempotency-Key protocol ({@code IdempotentRequests}).
 */
package org.openmiles.cashmiles.application;
