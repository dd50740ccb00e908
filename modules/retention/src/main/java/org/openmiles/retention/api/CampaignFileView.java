package org.openmiles.retention.api;

import java.time.Instant;

/**
 * One campaign file of a run: WRITTEN to outbound/, DELIVERED to the webhook, or FAILED there after
 * {@code attempts} with {@code error}.
 */
public record CampaignFileView(
    String fileName,
    long rows,
    String state,
    int attempts,
    String error,
    Instant writtenAt,
    Instant deliveredAt) {}
