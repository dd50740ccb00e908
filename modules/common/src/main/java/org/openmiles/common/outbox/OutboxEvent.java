package org.openmiles.common.outbox;

/**
 * An event of the outbox as the relay hands it to its consumer: the {@code topic} says which
 * consumer, the {@code key} what it is about (a member number, say), the {@code payload} anything
 * else (may be null); {@code attempts} counts the earlier failed deliveries; {@code correlationId}
 * is the id of the work that published it (null if none), under which the relay delivers it (ADR
 * 0035).
 */
public record OutboxEvent(
    long id, String topic, String key, String payload, int attempts, String correlationId) {}
