package org.openmiles.retention.api;

/** One selected member of a campaign in a run (no names or addresses: see docs/retention.md). */
public record CampaignAudienceRow(
    long id, String member, String channel, String segment, String reasons, String offer) {}
