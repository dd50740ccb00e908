package org.openmiles.cashmiles.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.domain.IdempotencyRepository;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.idempotency.IdempotencyStore.Answer;
import org.openmiles.common.idempotency.IdempotentCalls;

/**
 * The Idempotency-Key protocol of the booking-engine API: the common one ({@link IdempotentCalls})
 * per client, on this module's keys, taking over a key left IN_PROGRESS by the earlier protocol
 * after {@code openmiles.cashmiles.idempotency.takeover-seconds}.
 */
@ApplicationScoped
public class IdempotentRequests {
  @Inject IdempotencyRepository keys;
  @Inject IdempotentCalls calls;

  @Inject
  @ConfigProperty(name = "openmiles.cashmiles.idempotency.takeover-seconds", defaultValue = "60")
  long takeoverSeconds;

  /**
   * Runs {@code call} once per client and key.
   *
   * @param request what identifies the request: the operation, its target and its parameters
   * @param refusal the answer to store for a business refusal
   */
  public Answer execute(
      ClientId client,
      String key,
      String request,
      Supplier<Answer> call,
      Function<OpenMilesException, Answer> refusal) {
    return calls.execute(
        keys, client.value(), key, request, Duration.ofSeconds(takeoverSeconds), call, refusal);
  }
}
