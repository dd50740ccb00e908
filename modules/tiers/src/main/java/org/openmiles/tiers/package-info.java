/**
 * Tiers: qualifying counters kept with the ledger, immediate upgrades, the period-end review with
 * soft landing, status matches and overrides.
 *
 * <p>The module's published {@code api} package is the only part other modules may use (enforced by
 * the ArchUnit test in the app module); internals live in {@code domain}, {@code application} and
 * {@code infrastructure}.
 */
package org.openmiles.tiers;
