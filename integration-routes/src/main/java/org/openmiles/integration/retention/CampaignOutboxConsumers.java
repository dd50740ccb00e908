package org.openmiles.integration.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.openmiles.common.outbox.OutboxConsumer;
import org.openmiles.common.outbox.OutboxEvent;
import org.openmiles.integration.bootstrap.CamelRuntime;
import org.openmiles.retention.api.events.CampaignRunFinished;

/**
 * The outbox consumers of the campaign files (ADR 0033, 0038): each hands its event to its route in
 * the relay's transaction. With the file routes off ({@code openmiles.files.enabled=false}) the
 * request fails and the event waits in the outbox until they run.
 */
public final class CampaignOutboxConsumers {
  private CampaignOutboxConsumers() {}

  /** A finished campaign run: write its files. */
  @ApplicationScoped
  public static class Files implements OutboxConsumer {
    @Inject CamelRuntime camel;

    @Override
    public String topic() {
      return CampaignRunFinished.TOPIC;
    }

    @Override
    public void deliver(OutboxEvent event) {
      camel.request(
          CampaignFileRoutes.FILES,
          Map.of(CampaignFileRoutes.RUN, Long.parseLong(event.key())),
          Object.class);
    }
  }

  /** One campaign file of a run (key {@code <run>:<campaign>}): POST it to the webhook. */
  @ApplicationScoped
  public static class Webhook implements OutboxConsumer {
    @Inject CamelRuntime camel;

    @Override
    public String topic() {
      return CampaignRunFinished.WEBHOOK_TOPIC;
    }

    @Override
    public void deliver(OutboxEvent event) {
      String key = event.key();
      int colon = key.indexOf(':');
      camel.request(
          CampaignFileRoutes.WEBHOOK,
          Map.of(
              CampaignFileRoutes.RUN,
              Long.parseLong(key.substring(0, colon)),
              CampaignFileRoutes.CAMPAIGN,
              key.substring(colon + 1)),
          Object.class);
    }
  }
}
