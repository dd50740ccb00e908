package org.openmiles.retention.domain;

/**
 * What other modules say about a scored member: the tier held (null: not known), and the tier and
 * expiring-miles churn reasons (null when none).
 */
public record MemberExtra(String member, String tierCode, String tierReason, String expiryReason) {}
