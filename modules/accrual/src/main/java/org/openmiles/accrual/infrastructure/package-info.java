/** Accrual persistence: set-based SQL on the {@code accrual} schema. */
package org.openmiles.accrual.infrastructure;
