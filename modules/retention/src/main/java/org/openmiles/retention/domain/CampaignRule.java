package org.openmiles.retention.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a campaign's selection rule is set to from a date ({@code retention.campaign_version}, V10):
 * the channel its audience is reached on (and whose consent it needs), the window in days within
 * which a member is selected at most once (null: once ever), how many days the rule looks back or
 * ahead, the offer sent, and whether the campaign runs. The selection itself is code, one per
 * campaign code.
 */
public record CampaignRule(
    String channel, Integer windowDays, int lookbackDays, String offer, boolean active) {
  /** The channels a campaign can use (V4's check). */
  public static final List<String> CHANNELS = List.of("EMAIL", "SMS", "OTT", "PUSH");

  public CampaignRule {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(offer, "offer");
  }
}
