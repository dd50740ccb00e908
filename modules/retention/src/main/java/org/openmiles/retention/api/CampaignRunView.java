package org.openmiles.retention.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A campaign run: state, who or what started it, members selected, per campaign with its file. */
public record CampaignRunView(
    long id,
    String trigger,
    String state,
    LocalDate runDate,
    Instant startedAt,
    Instant finishedAt,
    String node,
    String requestedBy,
    Long selected,
    String message,
    List<CampaignCount> campaigns) {

  public CampaignRunView {
    campaigns = List.copyOf(campaigns);
  }
}
