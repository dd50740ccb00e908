/**
 * Accrual: miles from partner feeds and the airline's flown segments, by program rules; retro
 * claims; partner settlement.
 *
 * <p>The module's published {@code api} package is the only part other modules may use (enforced by
 * the ArchUnit test in the app module); internals live in {@code domain}, {@code application} and
 * {@code infrastructure}.
 */
package org.openmiles.accrual;
