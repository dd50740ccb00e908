/**
 * Accrual services: the transaction boundaries for crediting partner activity, and the promotion
 * bonuses that join those transactions.
 */
package org.openmiles.accrual.application;
