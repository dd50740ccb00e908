package org.openmiles.cashmiles.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.function.Supplier;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.domain.IdempotencyRepository;
import org.openmiles.cashmiles.domain.IdempotencyRepository.Answer;
import org.openmiles.cashmiles.domain.IdempotencyRepository.Begin;

/**
 * The second transaction of {@link IdempotentRequests}: lock the key, do the work, store its
 * answer. Any exception rolls all of it back.
 */
@ApplicationScoped
public class IdempotentWork {
  @Inject IdempotencyRepository keys;
  @Inject Clock clock;

  /**
   * @return {@code Replay} with the answer (this attempt's, or another's that finished the key
   *     first), or {@code InUse} when another attempt took the key over and still runs
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Begin run(ClientId client, String key, String attempt, Supplier<Answer> call) {
    Begin claim = keys.claim(client, key, attempt);
    if (!(claim instanceof Begin.Started)) {
      return claim;
    }
    Answer answer = call.get();
    keys.complete(client, key, attempt, answer, clock.instant());
    return new Begin.Replay(answer);
  }
}
