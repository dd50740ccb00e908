package org.openmiles.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.observability.Correlation;

/**
 * Writes an event into the transactional outbox (ADR 0033) in the caller's transaction: it is
 * delivered (by the relay, to the topic's {@link OutboxConsumer}) only if that transaction commits,
 * and then at least once, even if this process dies right after the commit. Called outside a
 * transaction it refuses ({@code MANDATORY}): an event without its fact is what the outbox exists
 * to prevent. The event keeps the correlation id of the work that published it (ADR 0035).
 */
@ApplicationScoped
public class Outbox {
  @Inject Jdbc jdbc;

  @Transactional(Transactional.TxType.MANDATORY)
  public void publish(String topic, String key, String payload) {
    jdbc.update(
        "write outbox event " + topic + " " + key,
        "insert into outbox.event (topic, event_key, payload, correlation_id) values (?, ?, ?, ?)",
        (c, ps) -> {
          ps.setString(1, topic);
          ps.setString(2, key);
          ps.setString(3, payload);
          ps.setString(4, Correlation.currentOrNull());
        });
  }
}
