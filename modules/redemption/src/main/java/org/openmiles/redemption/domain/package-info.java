/**
 * Redemption rules as pure objects: the award chart in force on a date ({@link
 * org.openmiles.redemption.domain.AwardChart}), the redeem and cancel rules ({@link
 * org.openmiles.redemption.domain.RedemptionRule}); and the storage the application reaches through
 * the interfaces declared here ({@code RedemptionProgram}, {@code Awards}, {@code
 * BeneficiaryLists}, {@code ExtensionPurchases}, {@code ExpiryNotices}), which {@code
 * infrastructure} implements in SQL (ADR 0030).
 */
package org.openmiles.redemption.domain;
