/**
 * Accrual services: the transaction boundaries for crediting partner activity, flown coupons and
 * missing-miles claims.
 */
package org.openmiles.accrual.application;
