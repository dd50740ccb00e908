package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openmiles.common.outbox.OutboxConsumer;
import org.openmiles.common.outbox.OutboxEvent;
import org.openmiles.retention.api.events.ReferralQualified;

/**
 * Credits a referral whose friend flew, from the outbox (topic {@value ReferralQualified#TOPIC}),
 * in the relay's transaction. A repeated delivery credits nothing twice: only a QUALIFIED referral
 * is credited, and its miles' source reference {@code E:<action id>} is posted once.
 */
@ApplicationScoped
public class ReferralCredits implements OutboxConsumer {
  @Inject DefaultEngagement engagement;

  @Override
  public String topic() {
    return ReferralQualified.TOPIC;
  }

  @Override
  public void deliver(OutboxEvent event) {
    engagement.creditReferral(event.key());
  }
}
