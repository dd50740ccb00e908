/**
 * Redemption rules as pure objects: the award chart in force on a date ({@link
 * org.openmiles.redemption.domain.AwardChart}), the redeem and cancel rules ({@link
 * org.openmiles.redemption.domain.RedemptionRule}).
 */
package org.openmiles.redemption.domain;
