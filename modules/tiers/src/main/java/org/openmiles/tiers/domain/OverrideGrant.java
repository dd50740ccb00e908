package org.openmiles.tiers.domain;

/** An override as recorded: reason and approver, for the status view. */
public record OverrideGrant(long id, String reason, String approver) {}
