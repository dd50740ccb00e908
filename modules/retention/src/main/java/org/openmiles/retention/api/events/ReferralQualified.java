package org.openmiles.retention.api.events;

import org.openmiles.common.outbox.Outgoing;

/**
 * The friend of a pending referral flew: fired in the transaction of the posting that carried the
 * flight, it leaves through the outbox (topic {@value #TOPIC}, key the referral's action id), and
 * retention credits the referrer's points and bonus miles in a transaction of its own, once.
 */
public record ReferralQualified(String actionId) implements Outgoing {
  public static final String TOPIC = "referral-qualified";

  @Override
  public String outboxTopic() {
    return TOPIC;
  }

  @Override
  public String outboxKey() {
    return actionId;
  }
}
