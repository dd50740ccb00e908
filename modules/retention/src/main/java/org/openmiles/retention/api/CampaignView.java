package org.openmiles.retention.api;

/**
 * A campaign of the catalogue. {@code windowDays}: a member is selected at most once in any that
 * many days (null: once ever); {@code lookbackDays}: how far the rule looks back or ahead.
 */
public record CampaignView(
    String code,
    String name,
    String channel,
    Integer windowDays,
    int lookbackDays,
    String offer,
    String description,
    boolean active) {}
