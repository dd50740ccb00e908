package org.openmiles.app.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.common.observability.Correlation;
import org.openmiles.common.outbox.OutboxBackoff;
import org.openmiles.common.outbox.OutboxConsumer;
import org.openmiles.common.outbox.OutboxEvent;
import org.openmiles.common.outbox.OutboxStore;

/**
 * The outbox relay (ADR 0033), on every instance: every {@code openmiles.outbox.poll-millis} (500)
 * it delivers the due events one by one, each in a container transaction of its own that locks the
 * event ({@code skip locked}: instances share the work and never deliver one event at the same
 * time), runs the topic's {@link OutboxConsumer} and marks the event delivered; so a consumer's
 * writes and the delivery commit together. A failure rolls both back and the event waits, doubling
 * from {@code openmiles.outbox.backoff-first-seconds} (2) to {@code
 * openmiles.outbox.backoff-cap-seconds} (300); an event of a topic nobody consumes waits the same
 * way, visible in the operations health. Delivered events are deleted after {@code
 * openmiles.outbox.keep-days} (7). {@code openmiles.outbox.relay} (true) switches it off, for
 * tests.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final long PURGE_EVERY_MILLIS = 3_600_000;

  @Resource TimerService timers;
  @Inject JobTransactions transactions;
  @Inject OutboxStore store;
  @Inject @Any Instance<OutboxConsumer> consumers;

  @Inject
  @ConfigProperty(name = "openmiles.outbox.relay", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "openmiles.outbox.poll-millis", defaultValue = "500")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "openmiles.outbox.batch", defaultValue = "500")
  int batch;

  @Inject
  @ConfigProperty(name = "openmiles.outbox.backoff-first-seconds", defaultValue = "2")
  int backoffFirst;

  @Inject
  @ConfigProperty(name = "openmiles.outbox.backoff-cap-seconds", defaultValue = "300")
  int backoffCap;

  @Inject
  @ConfigProperty(name = "openmiles.outbox.keep-days", defaultValue = "7")
  int keepDays;

  private final AtomicBoolean running = new AtomicBoolean();
  private final Map<String, OutboxConsumer> byTopic = new HashMap<>();
  private OutboxBackoff backoff;
  private volatile long lastPurge;

  @PostConstruct
  void schedule() {
    for (OutboxConsumer c : consumers) {
      OutboxConsumer earlier = byTopic.putIfAbsent(c.topic(), c);
      if (earlier != null) {
        throw new IllegalStateException(
            "two outbox consumers for topic " + c.topic() + ": " + earlier + " and " + c);
      }
    }
    backoff = new OutboxBackoff(backoffFirst, backoffCap);
    if (enabled) {
      long every = Math.max(100, pollMillis);
      timers.createIntervalTimer(every, every, new TimerConfig("outbox-relay", false));
    }
  }

  @Timeout
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return; // the last tick is still delivering
    }
    try {
      relay();
      if (System.currentTimeMillis() - lastPurge > PURGE_EVERY_MILLIS) {
        lastPurge = System.currentTimeMillis();
        transactions.inNewTransaction(() -> store.purgeDelivered(keepDays));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "outbox relay: " + e.getMessage() + "; it tries again", e);
    } finally {
      running.set(false);
    }
  }

  /** Delivers due events until none is due, at most {@code batch}; the number delivered. */
  public int relay() {
    int delivered = 0;
    for (int i = 0; i < batch; i++) {
      OutboxEvent[] taken = new OutboxEvent[1];
      try {
        boolean any =
            transactions.inNewTransaction(
                () -> {
                  Optional<OutboxEvent> next = store.takeNextDue();
                  if (next.isEmpty()) {
                    return false;
                  }
                  taken[0] = next.get();
                  try (Correlation.Scope s = Correlation.open(correlationOf(taken[0]))) {
                    consumerOf(taken[0]).deliver(taken[0]);
                  }
                  store.delivered(taken[0].id());
                  return true;
                });
        if (!any) {
          break;
        }
        delivered++;
      } catch (RuntimeException e) {
        if (taken[0] == null) {
          throw e; // the outbox itself cannot be read
        }
        failed(taken[0], e);
      }
    }
    return delivered;
  }

  /** The id the event was published under, or one for this event if it had none. */
  private static String correlationOf(OutboxEvent e) {
    return e.correlationId() != null ? e.correlationId() : "outbox-" + e.id();
  }

  private OutboxConsumer consumerOf(OutboxEvent e) {
    OutboxConsumer c = byTopic.get(e.topic());
    if (c == null) {
      throw new IllegalStateException("no consumer for outbox topic " + e.topic());
    }
    return c;
  }

  private void failed(OutboxEvent e, RuntimeException cause) {
    long wait = backoff.seconds(e.attempts() + 1);
    String why = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    try (Correlation.Scope s = Correlation.open(correlationOf(e))) {
      LOG.log(
          Level.WARNING,
          "outbox event "
              + e.id()
              + " ("
              + e.topic()
              + " "
              + e.key()
              + ") failed, attempt "
              + (e.attempts() + 1)
              + "; next in "
              + wait
              + " s: "
              + why,
          cause);
    }
    transactions.inNewTransaction(
        () -> {
          store.failed(e.id(), why, wait);
          return null;
        });
  }
}
