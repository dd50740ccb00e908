package org.openmiles.common.outbox;

/**
 * Receives the events of one topic from the outbox relay (ADR 0033), at least once: after a crash
 * or a failure an event comes again, so a consumer must be idempotent (the ledger's source
 * references make a repeated credit a no-op, say). It runs in the relay's transaction, which also
 * marks the event delivered: what it writes to the database and the delivery commit together. An
 * exception rolls both back and the event is tried again later.
 */
public interface OutboxConsumer {

  /** The topic this consumer takes ({@code member-enrolled}, say): one consumer per topic. */
  String topic();

  /** Acts on one event. */
  void deliver(OutboxEvent event);
}
