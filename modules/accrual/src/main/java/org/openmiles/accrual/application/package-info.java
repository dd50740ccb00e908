/** Accrual services: the transaction boundaries for crediting partner activity. */
package org.openmiles.accrual.application;
