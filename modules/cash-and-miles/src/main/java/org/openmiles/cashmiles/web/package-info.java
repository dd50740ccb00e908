/**
 * The booking-engine REST adapter of Cash &amp; Miles under {@code /api/v1/cash-and-miles}: JWT
 * clients, Idempotency-Keys, JSON in and out. Request bodies are records ({@code
 * CashMilesRequests}) bound and checked before an operation runs; {@code IdempotencyInterceptor}
 * runs each {@code @Idempotent} operation once per client and key; an operation turns its record
 * into an {@code api} command and calls {@code CashMilesPayments}, nothing more.
 */
package org.openmiles.cashmiles.web;
