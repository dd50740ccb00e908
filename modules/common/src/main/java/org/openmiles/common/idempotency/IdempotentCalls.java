package org.openmiles.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.idempotency.IdempotencyStore.Answer;
import org.openmiles.common.idempotency.IdempotencyStore.Begin;

/**
 * The Idempotency-Key protocol with a stored answer (ADR 0009, made one transaction by ADR 0016):
 *
 * <ol>
 *   <li>one transaction ({@link IdempotentWork}) takes the key's lock without waiting (a PostgreSQL
 *       advisory lock held until the transaction ends), reads the key and, if it is new, does the
 *       work and stores the answer (DONE): the effect and its answer commit together;
 *   <li>a request that finds the lock taken is told 409 IDEMPOTENCY_KEY_IN_USE; one that finds an
 *       answer gets it again if its fingerprint is the same, else 422 IDEMPOTENCY_KEY_REUSED;
 *   <li>a business refusal (a 4xx with a stable code) rolls the work back and is stored as the
 *       answer in a short second transaction; an unexpected fault rolls back and stores nothing, so
 *       a retry does the work again;
 *   <li>an IN_PROGRESS row left by the earlier two-transaction protocol and older than {@code
 *       takeover} is taken over (a live request of that protocol kept its row fresh).
 * </ol>
 */
@ApplicationScoped
public class IdempotentCalls {
  @Inject IdempotentWork work;
  @Inject Clock clock;

  /**
   * Runs {@code call} once per scope and key of {@code keys}.
   *
   * @param request what identifies the request: the operation, its target and its parameters
   * @param refusal the answer to store for a business refusal
   */
  public Answer execute(
      IdempotencyStore keys,
      String scope,
      String key,
      String request,
      Duration takeover,
      Supplier<Answer> call,
      Function<OpenMilesException, Answer> refusal) {
    IdempotencyKeys.requireWellFormed(key);
    Fingerprint fingerprint = Fingerprint.of(request);
    Instant staleBefore = clock.instant().minus(takeover);
    Begin outcome;
    try {
      outcome = work.run(keys, scope, key, fingerprint, staleBefore, call);
    } catch (OpenMilesException e) {
      outcome = keys.refuse(scope, key, fingerprint, refusal.apply(e), clock.instant());
    }
    if (outcome instanceof Begin.Replay r) {
      return r.answer();
    }
    if (outcome instanceof Begin.Reused) {
      throw new IdempotencyKeyReusedException(
          "Idempotency-Key " + key + " was already used for a different request");
    }
    throw new IdempotencyKeyInUseException(
        "a request with Idempotency-Key " + key + " is still in progress; retry later");
  }
}
