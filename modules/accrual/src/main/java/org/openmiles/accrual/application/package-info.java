/**
 * Accrual services: the transaction boundaries for crediting partner activity, flown coupons and
 * missing-miles claims, and the promotion bonuses that join those transactions.
 */
package org.openmiles.accrual.application;
