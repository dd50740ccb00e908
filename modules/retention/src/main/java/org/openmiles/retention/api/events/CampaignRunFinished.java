package org.openmiles.retention.api.events;

import org.openmiles.common.outbox.Outgoing;

/**
 * A campaign run committed its audiences: written to the outbox in the run's own transaction, so
 * the outbound files are owed exactly when the selection exists (ADR 0038). The consumer writes a
 * file per campaign and, with a webhook configured, queues one {@link #WEBHOOK_TOPIC} event per
 * file.
 */
public record CampaignRunFinished(long runId) implements Outgoing {
  public static final String TOPIC = "campaign-run-finished";

  /** One campaign file of a run to POST to the webhook; key {@code <run>:<campaign>}. */
  public static final String WEBHOOK_TOPIC = "campaign-webhook";

  @Override
  public String outboxTopic() {
    return TOPIC;
  }

  @Override
  public String outboxKey() {
    return Long.toString(runId);
  }
}
