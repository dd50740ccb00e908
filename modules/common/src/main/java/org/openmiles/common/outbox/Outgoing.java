package org.openmiles.common.outbox;

/**
 * An event that must reach consumers outside the transaction that fired it (ADR 0033). Firing it
 * with CDI's {@code Event.fire} inside the transaction is enough: {@link OutboxBridge} writes it to
 * the outbox in that transaction, and the relay delivers it to the {@link OutboxConsumer} of its
 * topic once the transaction committed, at least once, even if the process dies in between.
 * In-transaction observers of the same event still see it as before.
 */
public interface Outgoing {

  /** The topic: which consumer receives it. */
  String outboxTopic();

  /** What it is about (a member number, say): the consumer reads the rest from the source. */
  String outboxKey();

  /** Anything else the consumer needs that it cannot read back; none by default. */
  default String outboxPayload() {
    return null;
  }
}
