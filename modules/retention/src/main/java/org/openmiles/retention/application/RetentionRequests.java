package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.idempotency.IdempotencyStore.Answer;
import org.openmiles.common.idempotency.IdempotentCalls;
import org.openmiles.retention.domain.IdempotencyRepository;

/**
 * The Idempotency-Key protocol of the retention API: the common one ({@link IdempotentCalls}) per
 * caller (the token's subject) on {@code retention.idempotency_key}. The answer (status and JSON
 * body) commits with the effect; a retry gets it again.
 */
@ApplicationScoped
public class RetentionRequests {
  private static final Duration TAKEOVER = Duration.ofSeconds(60);

  @Inject IdempotencyRepository keys;
  @Inject IdempotentCalls calls;

  /**
   * Runs {@code call} once per caller and key.
   *
   * @param request what identifies the request: the operation, its target and its parameters
   * @param refusal the answer to store for a business refusal
   */
  public Answer execute(
      String caller,
      String key,
      String request,
      Supplier<Answer> call,
      Function<OpenMilesException, Answer> refusal) {
    return calls.execute(keys, caller, key, request, TAKEOVER, call, refusal);
  }
}
