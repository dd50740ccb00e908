package org.openmiles.cashmiles.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.domain.IdempotencyRepository;
import org.openmiles.cashmiles.domain.IdempotencyRepository.Answer;
import org.openmiles.cashmiles.domain.IdempotencyRepository.Begin;
import org.openmiles.common.tx.RetriedTransaction;

/**
 * The one transaction of {@link IdempotentRequests}: claim the key, do the work, store its answer.
 * Any exception rolls all of it back and leaves the key unanswered.
 */
@ApplicationScoped
@RetriedTransaction // a deadlock or serialization failure runs the call again (ADR 0023)
public class IdempotentWork {
  @Inject IdempotencyRepository keys;
  @Inject Clock clock;

  /**
   * @return {@code Replay} with the answer (this request's, or the first one's), {@code Reused} or
   *     {@code InUse}
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Begin run(
      ClientId client, String key, String requestHash, Instant staleBefore, Supplier<Answer> call) {
    Begin claim = keys.claim(client, key, requestHash, staleBefore);
    if (!(claim instanceof Begin.Started)) {
      return claim;
    }
    Answer answer = call.get();
    if (!keys.complete(client, key, requestHash, answer, clock.instant())) {
      // cannot happen while the key's lock is held; if it did, nothing of this work may stay
      throw new IllegalStateException(
          "Idempotency-Key " + key + " was answered by another request during this one");
    }
    return new Begin.Replay(answer);
  }
}
