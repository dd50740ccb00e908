/** Accrual rules as values: partner earn rules and how they rate a record. */
package org.openmiles.accrual.domain;
