package org.openmiles.retention.api;

/** How many members a run selected for one campaign, and its file (null until written). */
public record CampaignCount(
    String campaign, String channel, long selected, CampaignFileView file) {}
