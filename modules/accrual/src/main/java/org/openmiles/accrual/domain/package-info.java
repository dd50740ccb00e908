/**
 * Accrual rules as values: partner earn rules and how they rate a record; promotions and the engine
 * that decides their bonuses; what a missing-miles claim's match or an agent's approval decides.
 */
package org.openmiles.accrual.domain;
