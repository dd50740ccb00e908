package org.openmiles.retention.api;

import java.util.List;

/**
 * A page of an audience; {@code nextAfter} is the keyset position of the next page (null: last).
 */
public record CampaignAudiencePage(
    long run, String campaign, List<CampaignAudienceRow> rows, Long nextAfter) {

  public CampaignAudiencePage {
    rows = List.copyOf(rows);
  }
}
