/**
 * Published API of the tiers module: {@link org.openmiles.tiers.api.MemberTiers} (the tier on a
 * date, for accrual's tier bonus), {@link org.openmiles.tiers.api.TierService} (status, progress,
 * history, overrides), {@link org.openmiles.tiers.api.TierReview} (the period-end review), and the
 * events in {@code api.events}.
 */
package org.openmiles.tiers.api;
