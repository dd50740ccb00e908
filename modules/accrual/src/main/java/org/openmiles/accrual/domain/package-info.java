/**
 * Accrual rules as values: partner earn rules and how they rate a record; promotions and the engine
 * that decides their bonuses; what a missing-miles claim's match or an agent's approval decides.
 * Also the storage the services see (ADR 0030): the {@code *Repository} interfaces, named for what
 * they keep, and the records they read and write; {@code infrastructure} implements them.
 */
package org.openmiles.accrual.domain;
