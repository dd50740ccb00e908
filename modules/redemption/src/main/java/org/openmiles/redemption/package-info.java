/**
 * Redemption: award chart pricing, award tickets, upgrades and partner vouchers, cancellation with
 * redeposit, nominees and family, paid expiry extensions and expiry notices.
 *
 * <p>The published {@code api} package is the only part other modules may use (enforced by the
 * ArchUnit test in the app module); internals live in {@code domain}, {@code application}, {@code
 * infrastructure} and {@code web}. It uses accounts ({@code MilesLedger}), accrual ({@code
 * FlightReference}: airport countries) and tiers ({@code MemberTiers}) through their {@code api}.
 */
package org.openmiles.redemption;
