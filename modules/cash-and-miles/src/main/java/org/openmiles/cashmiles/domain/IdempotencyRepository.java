package org.openmiles.cashmiles.domain;

import java.time.Instant;
import org.openmiles.cashmiles.api.ClientId;

/**
 * The Idempotency-Keys of the booking-engine API, per client. {@link #begin} and {@link #finish}
 * and {@link #forget} each commit on their own; {@link #claim} joins the caller's transaction and
 * keeps the key's row locked until it ends, so the work and its stored answer commit together.
 */
public interface IdempotencyRepository {

  /** A stored answer: HTTP status and JSON body. */
  record Answer(int status, String body) {}

  /** What {@link #begin} found. */
  sealed interface Begin {
    /** The key is new (or taken over from a stale attempt): this attempt does the work. */
    record Started() implements Begin {}

    /** The first request finished: its answer. */
    record Replay(Answer answer) implements Begin {}

    /** The key was used for a different request. */
    record Reused() implements Begin {}

    /** The first request is still running. */
    record InUse() implements Begin {}
  }

  /**
   * Records the key IN_PROGRESS for {@code attempt} (own transaction). An IN_PROGRESS row last
   * touched before {@code staleBefore} and not locked by a running attempt is taken over.
   */
  Begin begin(
      ClientId client,
      String key,
      String requestHash,
      String attempt,
      Instant now,
      Instant staleBefore);

  /**
   * In the caller's transaction: locks the key's row and says whether {@code attempt} still owns
   * it; if another attempt finished it, its answer.
   */
  Begin claim(ClientId client, String key, String attempt);

  /**
   * Stores the answer as DONE, if {@code attempt} still owns the key (in the caller's transaction).
   */
  void complete(ClientId client, String key, String attempt, Answer answer, Instant now);

  /**
   * Stores the answer as DONE in a transaction of its own, if {@code attempt} still owns the key.
   */
  void finish(ClientId client, String key, String attempt, Answer answer, Instant now);

  /** Deletes the key if {@code attempt} still owns it IN_PROGRESS (own transaction). */
  void forget(ClientId client, String key, String attempt);
}
