/**
 * The booking-engine REST adapter of Cash &amp; Miles under {@code /api/v1/cash-and-miles}: JWT
 * clients, Idempotency-Keys, JSON in and out. It parses requests into {@code api} commands and
 * calls {@code CashMilesPayments}, nothing more.
 */
package org.openmiles.cashmiles.web;
