package org.openmiles.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.openmiles.common.idempotency.IdempotencyStore.Answer;
import org.openmiles.common.idempotency.IdempotencyStore.Begin;
import org.openmiles.common.tx.RetriedTransaction;

/**
 * The one transaction of {@link IdempotentCalls}: claim the key, do the work, store its answer. Any
 * exception rolls all of it back and leaves the key unanswered.
 */
@ApplicationScoped
@RetriedTransaction // a deadlock or serialization failure runs the call again (ADR 0023)
public class IdempotentWork {
  @Inject Clock clock;

  /**
   * @return {@code Replay} with the answer (this request's, or the first one's), {@code Reused} or
   *     {@code InUse}
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Begin run(
      IdempotencyStore keys,
      String scope,
      String key,
      Fingerprint request,
      Instant staleBefore,
      Supplier<Answer> call) {
    Begin claim = keys.claim(scope, key, request, staleBefore);
    if (!(claim instanceof Begin.Started)) {
      return claim;
    }
    Answer answer = call.get();
    if (!keys.complete(scope, key, request, answer, clock.instant())) {
      // cannot happen while the key's lock is held; if it did, nothing of this work may stay
      throw new IllegalStateException(
          "Idempotency-Key " + key + " was answered by another request during this one");
    }
    return new Begin.Replay(answer);
  }
}
