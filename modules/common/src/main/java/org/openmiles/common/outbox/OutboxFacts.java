package org.openmiles.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.common.operations.OperationalFacts;

/**
 * The outbox for operations (ADR 0033): undelivered events, those that failed at least once, and
 * the age of the oldest undelivered one, in the detailed health and as metrics. The section is DOWN
 * while the oldest waits longer than {@code openmiles.outbox.alert-after-seconds} (300): consumers
 * are then behind or failing, and the events' {@code last_error} says why.
 */
@ApplicationScoped
public class OutboxFacts implements OperationalFacts {
  @Inject OutboxStore store;

  @Inject
  @ConfigProperty(name = "openmiles.outbox.alert-after-seconds", defaultValue = "300")
  long alertAfterSeconds;

  @Override
  public String name() {
    return "outbox";
  }

  @Override
  public boolean up() {
    return store.backlog().oldestPendingSeconds() <= alertAfterSeconds;
  }

  @Override
  public Map<String, Object> details() {
    OutboxStore.Backlog b = store.backlog();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pending", b.pending());
    out.put("failing", b.failing());
    out.put("oldestPendingSeconds", b.oldestPendingSeconds());
    out.put("alertAfterSeconds", alertAfterSeconds);
    return out;
  }

  @Override
  public Map<String, Number> gauges() {
    OutboxStore.Backlog b = store.backlog();
    Map<String, Number> out = new LinkedHashMap<>();
    out.put("outbox_pending", b.pending());
    out.put("outbox_failing", b.failing());
    out.put("outbox_oldest_pending_seconds", b.oldestPendingSeconds());
    return out;
  }
}
