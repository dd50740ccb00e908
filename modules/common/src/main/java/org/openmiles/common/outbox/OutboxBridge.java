package org.openmiles.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Writes every {@link Outgoing} event into the outbox in the transaction that fired it (the
 * observer runs in that transaction, before it commits): the event leaves exactly when its fact is
 * committed. A failure here rolls the fact back with it.
 */
@ApplicationScoped
public class OutboxBridge {
  @Inject Outbox outbox;

  void onOutgoing(@Observes Outgoing event) {
    outbox.publish(event.outboxTopic(), event.outboxKey(), event.outboxPayload());
  }
}
