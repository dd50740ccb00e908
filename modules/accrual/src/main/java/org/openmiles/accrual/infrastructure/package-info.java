/**
 * Accrual persistence: set-based SQL on the {@code accrual} schema, implementing the repository
 * interfaces of {@code domain} (ADR 0030); no other package of the module uses it.
 */
package org.openmiles.accrual.infrastructure;
