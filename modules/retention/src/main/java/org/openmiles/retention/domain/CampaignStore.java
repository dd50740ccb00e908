package org.openmiles.retention.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.openmiles.retention.api.CampaignAudienceRow;
import org.openmiles.retention.api.CampaignCount;
import org.openmiles.retention.api.CampaignRunView;
import org.openmiles.retention.api.CampaignView;
import org.openmiles.retention.api.SuppressionView;

/** Campaigns, runs, the campaign outbox, suppressions, file states and the export audit. */
public interface CampaignStore {

  /** The campaigns with their rules' versions in force on {@code on} (V10). */
  List<CampaignView> catalogue(LocalDate on);

  /** The campaign with its rule's version in force on {@code on}. */
  Optional<CampaignView> campaign(String code, LocalDate on);

  /**
   * Claims a run if none is RUNNING (cluster-wide); abandoned runs older than staleMinutes fail.
   */
  OptionalLong claim(
      String trigger, LocalDate runDate, String requestedBy, String node, int staleMinutes);

  OptionalLong running();

  void finish(long runId, String state, String message, Long selected);

  /** Candidates from another module's api, for a campaign of the run. */
  void addCandidates(long runId, String campaign, List<Candidate> candidates);

  /**
   * Selects the campaign's audience with one INSERT ... SELECT (rule, consent, suppressions,
   * window) into the outbox; returns how many members it added, and records the count.
   */
  long select(long runId, CampaignView campaign, LocalDate runDate, long latestScoringRun);

  /** Members with a granted consent for {@code channel} and a score, best monetary first. */
  List<String> tierCandidates(String channel, int limit);

  /** The latest finished scoring run (0 if none). */
  long latestScoringRun();

  List<CampaignRunView> runs(int limit);

  Optional<CampaignRunView> run(long runId);

  List<CampaignCount> counts(long runId);

  List<CampaignAudienceRow> audience(long runId, String campaign, long afterId, int limit);

  List<SuppressionView> suppressions(String member);

  SuppressionView suppress(String member, String campaign, String reason, String addedBy);

  boolean lift(String member, String campaign);

  void fileWritten(long runId, String campaign, String fileName, long rows);

  void fileDelivery(long runId, String campaign, boolean delivered, int attempts, String error);

  void audit(
      long runId, String campaign, String destination, long rows, String principal, String fields);

  /** A member proposed to a campaign by another module's api, with the reasons to show. */
  record Candidate(String member, String reasons) {}
}
