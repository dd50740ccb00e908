package org.openmiles.common.idempotency;

import java.time.Instant;

/**
 * The Idempotency-Keys of one module, per scope (the caller that owns the key: a booking engine's
 * client id), in the module's own table (ADR 0016). A key is owned by the transaction that holds
 * its lock ({@link #claim}), until that transaction ends; its answer is stored in the same
 * transaction as the work ({@link #complete}), so the effect and its answer commit together, and a
 * transaction that dies takes its lock with it.
 */
public interface IdempotencyStore {

  /** A stored answer: HTTP status and JSON body. */
  record Answer(int status, String body) {}

  /** What {@link #claim} found. */
  sealed interface Begin {
    /** The key is new (or left IN_PROGRESS by a dead attempt): this transaction does the work. */
    record Started() implements Begin {}

    /** The first request finished: its answer. */
    record Replay(Answer answer) implements Begin {}

    /** The key was used for a different request. */
    record Reused() implements Begin {}

    /** Another request with the key is still running. */
    record InUse() implements Begin {}
  }

  /**
   * In the caller's transaction: takes the key's lock without waiting (kept until the transaction
   * ends) and reads the key. {@code InUse} if another transaction holds the lock, or if an
   * IN_PROGRESS row (written by the earlier two-transaction protocol) was touched at or after
   * {@code staleBefore}.
   */
  Begin claim(String scope, String key, Fingerprint request, Instant staleBefore);

  /**
   * In the caller's transaction, which owns the key: stores the answer as DONE.
   *
   * @return false if the key already has an answer (then the caller must roll back its work)
   */
  boolean complete(String scope, String key, Fingerprint request, Answer answer, Instant now);

  /**
   * In a transaction of its own, after the work was refused and rolled back: waits for the key's
   * lock, then stores the refusal as the answer, unless another request answered the key meanwhile.
   *
   * @return {@code Replay} with the answer now stored (this refusal or the other's answer), or
   *     {@code Reused} if the other request was a different one
   */
  Begin refuse(String scope, String key, Fingerprint request, Answer answer, Instant now);

  /**
   * Deletes answered keys created before {@code before}, at most {@code limit} of them, in a
   * transaction of its own; IN_PROGRESS rows that old are dead attempts and go too.
   *
   * @return how many were deleted
   */
  int purgeCreatedBefore(Instant before, int limit);
}
