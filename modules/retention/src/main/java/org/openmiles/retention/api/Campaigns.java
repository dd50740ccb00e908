package org.openmiles.retention.api;

import java.util.List;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Campaign triggers (docs/retention.md "Campaigns"): the catalogue, campaign runs (one at a time in
 * the cluster; each selects every active campaign's audience set-based into the campaign outbox,
 * honouring consent, suppressions and each campaign's window), their audiences, and the suppression
 * list.
 */
public interface Campaigns {

  List<CampaignView> catalogue();

  /**
   * Claims a run and runs it in the background; returns it as claimed (RUNNING). {@link
   * CampaignRunInProgressException} while another run goes.
   */
  CampaignRunView start(String requestedBy);

  /**
   * Claims and runs a run here, to its end (after the nightly scoring); returns the finished run.
   */
  CampaignRunView runNow(String trigger);

  /** The latest runs, newest first. */
  List<CampaignRunView> runs(int limit);

  /** One run with its counts and file delivery states; {@link CampaignRunNotFoundException}. */
  CampaignRunView run(long runId);

  /** One campaign's audience in a run, by selection order after {@code afterId}. */
  CampaignAudiencePage audience(long runId, String campaign, long afterId, int limit);

  List<SuppressionView> suppressions(MemberNumber member);

  /**
   * Suppresses the member for {@code campaign} (a campaign code, or {@link SuppressionView#ALL});
   * replaces the reason of an existing suppression. Returns it.
   */
  SuppressionView suppress(MemberNumber member, String campaign, String reason, String addedBy);

  /** Lifts a suppression; {@link SuppressionNotFoundException} if there is none. */
  void lift(MemberNumber member, String campaign);
}
