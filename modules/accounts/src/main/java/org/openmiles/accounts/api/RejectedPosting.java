package org.openmiles.accounts.api;

/**
 * A posting of a batch that was refused, with the index it had in the batch and the stable code of
 * the rule it broke (e.g. {@code MEMBER_NOT_FOUND}); the rest of the batch is unaffected.
 */
public record RejectedPosting(int index, PostMiles posting, String code, String reason) {}
