package org.openmiles.cashmiles.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.accounts.api.IdempotencyKeyReusedException;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.api.IdempotencyKeyInUseException;
import org.openmiles.cashmiles.api.IdempotencyKeyRequiredException;
import org.openmiles.cashmiles.domain.IdempotencyRepository;
import org.openmiles.cashmiles.domain.IdempotencyRepository.Answer;
import org.openmiles.cashmiles.domain.IdempotencyRepository.Begin;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.Sha256;
import org.openmiles.common.ValidationException;

/**
 * The Idempotency-Key protocol of the booking-engine API (ADR 0009, made one transaction by ADR
 * 0016):
 *
 * <ol>
 *   <li>one transaction ({@link IdempotentWork}) takes the key's lock without waiting (a PostgreSQL
 *       advisory lock held until the transaction ends), reads the key and, if it is new, does the
 *       work and stores the answer (DONE): the effect and its answer commit together;
 *   <li>a request that finds the lock taken is told 409 IDEMPOTENCY_KEY_IN_USE; one that finds an
 *       answer gets it again if it is the same request, else 422 IDEMPOTENCY_KEY_REUSED;
 *   <li>a business refusal (a 4xx with a stable code) rolls the work back and is stored as the
 *       answer in a short second transaction; an unexpected fault rolls back and stores nothing, so
 *       a retry does the work again;
 *   <li>an IN_PROGRESS row left by the earlier two-transaction protocol and older than {@code
 *       openmiles.cashmiles.idempotency.takeover-seconds} is taken over (a live request of that
 *       protocol kept its row fresh).
 * </ol>
 */
@ApplicationScoped
public class IdempotentRequests {
  public static final int MAX_KEY_LENGTH = 120;

  @Inject IdempotencyRepository keys;
  @Inject IdempotentWork work;
  @Inject Clock clock;

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
    requireWellFormed(key);
    String requestHash = hash(request);
    Instant staleBefore = clock.instant().minus(Duration.ofSeconds(takeoverSeconds));
    Begin outcome;
    try {
      outcome = work.run(client, key, requestHash, staleBefore, call);
    } catch (OpenMilesException e) {
      outcome = keys.refuse(client, key, requestHash, refusal.apply(e), clock.instant());
    }
    if (outcome instanceof Begin.Replay r) {
      return r.answer();
    }
    if (outcome instanceof Begin.Reused) {
      throw new IdempotencyKeyReusedException(
          "Idempotency-Key " + key + " was already used for a different request");
    }
    throw inUse(key);
  }

  private static IdempotencyKeyInUseException inUse(String key) {
    return new IdempotencyKeyInUseException(
        "a request with Idempotency-Key " + key + " is still in progress; retry later");
  }

  static void requireWellFormed(String key) {
    if (key == null || key.isEmpty()) {
      throw new IdempotencyKeyRequiredException(
          "send an Idempotency-Key header (1-120 printable characters, unique per request)");
    }
    if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 32 && c < 127)) {
      throw ValidationException.of(
          "Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
    }
  }

  static String hash(String request) {
    return Sha256.hex(request);
  }
}
