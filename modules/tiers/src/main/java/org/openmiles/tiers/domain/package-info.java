/**
 * Tiers business rules: the tier program and its qualification periods, earned statuses, and the
 * storage the application reaches through the interfaces declared here ({@code MemberStatuses},
 * {@code QualifyingCounters}, {@code TierHistory}, {@code TierOverrides} ...), which {@code
 * infrastructure} implements in SQL (ADR 0030).
 */
package org.openmiles.tiers.domain;
