package org.openmiles.retention.api;

import java.util.List;

/**
 * What the outbound campaign route (integration-routes) reads and records: a run's campaigns, their
 * audience page by page, each file's delivery state, and the export audit (ADR 0038).
 */
public interface CampaignExports {

  /** The campaigns a run selected for (every active one at the time), with their counts. */
  List<CampaignCount> campaignsOf(long runId);

  /** One campaign's audience rows of a run, after {@code afterId}, at most {@code limit}. */
  List<CampaignAudienceRow> rows(long runId, String campaign, long afterId, int limit);

  /** The file was written (again): state WRITTEN, attempts 0. */
  void fileWritten(long runId, String campaign, String fileName, long rows);

  /** The webhook took the rows ({@code DELIVERED}) or gave up after {@code attempts} (FAILED). */
  void fileDelivery(long runId, String campaign, boolean delivered, int attempts, String error);

  /** Records one export: who or what, where to, how many rows, which fields went out. */
  void audit(
      long runId, String campaign, String destination, long rows, String principal, String fields);
}
