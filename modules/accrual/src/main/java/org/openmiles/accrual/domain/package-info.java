/**
 * Accrual rules as values: partner earn rules and how they rate a record; promotions and the engine
 * that decides their bonuses.
 */
package org.openmiles.accrual.domain;
