package org.openmiles.common.outbox;

/**
 * An event of the outbox as the relay hands it to its consumer: the {@code topic} says which
 * consumer, the {@code key} what it is about (a member number, say), the {@code payload} anything
 * else (may be null); {@code attempts} counts the earlier failed deliveries.
 */
public record OutboxEvent(long id, String topic, String key, String payload, int attempts) {}
