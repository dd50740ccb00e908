/**
 * Transaction boundaries of redemption: {@code DefaultAwardService} (price, redeem, cancel), {@code
 * DefaultBeneficiaries} (nominees, family), {@code DefaultExpiryServices} (expiring list, paid
 * extensions, notices).
 */
package org.openmiles.redemption.application;
