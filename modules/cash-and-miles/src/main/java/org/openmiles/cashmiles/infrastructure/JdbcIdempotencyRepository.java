package org.openmiles.cashmiles.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.domain.IdempotencyRepository;
import org.openmiles.common.Sha256;
import org.openmiles.common.jdbc.Jdbc;

/**
 * {@code cashmiles.idempotency_key}, and the key's lock: a PostgreSQL transaction-level advisory
 * lock ({@code pg_try_advisory_xact_lock}) on a 64-bit hash of client and key, released by the
 * commit or rollback, or by the session's end if the process dies. The lock is taken before the row
 * is read (each statement of a READ COMMITTED transaction sees what committed before it), so the
 * owner of the lock sees any answer stored before it. The single-key form of the advisory lock is
 * also what the scheduled jobs use ({@code app.jobs.ClusterLock}); a 64-bit hash makes a clash with
 * their few keys, or between two keys in flight, practically impossible, and would only cost a 409
 * or a skipped job run.
 */
@ApplicationScoped
public class JdbcIdempotencyRepository implements IdempotencyRepository {
  private static final String KEY = " where client_id = ? and idempotency_key = ?";

  @Inject Jdbc jdbc;

  private record Row(String hash, String state, Integer status, String body, Instant updated) {
    Begin asSeen(String requestHash) {
      if (!hash.equals(requestHash)) {
        return new Begin.Reused();
      }
      if ("DONE".equals(state)) {
        return new Begin.Replay(new Answer(status, body));
      }
      return new Begin.InUse();
    }
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public Begin claim(ClientId client, String key, String requestHash, Instant staleBefore) {
    if (!lock(client, key, "select pg_try_advisory_xact_lock(?)")) {
      return new Begin.InUse();
    }
    Optional<Row> existing = read(client, key);
    if (existing.isEmpty()) {
      return new Begin.Started();
    }
    Row row = existing.get();
    Begin seen = row.asSeen(requestHash);
    // an IN_PROGRESS row of the earlier protocol: its request kept it fresh while it ran
    if (seen instanceof Begin.InUse && row.updated().isBefore(staleBefore)) {
      return new Begin.Started();
    }
    return seen;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean complete(
      ClientId client, String key, String requestHash, Answer answer, Instant now) {
    return store(client, key, requestHash, answer, now);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Begin refuse(ClientId client, String key, String requestHash, Answer answer, Instant now) {
    lock(client, key, "select true from (select pg_advisory_xact_lock(?)) waited");
    Optional<Row> existing = read(client, key);
    if (existing.isPresent() && "DONE".equals(existing.get().state())) {
      return existing.get().asSeen(requestHash);
    }
    store(client, key, requestHash, answer, now);
    return new Begin.Replay(answer);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purgeCreatedBefore(Instant before, int limit) {
    return jdbc.update(
        "purge old idempotency keys",
        "delete from cashmiles.idempotency_key where (client_id, idempotency_key) in"
            + " (select client_id, idempotency_key from cashmiles.idempotency_key"
            + " where created_at < ? order by created_at fetch first ? rows only"
            + " for update skip locked)",
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(before));
          ps.setInt(2, limit);
        });
  }

  /** Inserts the answer, or turns an IN_PROGRESS row into it; false if an answer was there. */
  private boolean store(
      ClientId client, String key, String requestHash, Answer answer, Instant now) {
    return jdbc.update(
            "store an idempotent answer",
            "insert into cashmiles.idempotency_key (client_id, idempotency_key, request_hash,"
                + " state, attempt, response_status, response_body, created_at, updated_at)"
                + " values (?, ?, ?, 'DONE', ?, ?, ?, ?, ?)"
                + " on conflict (client_id, idempotency_key) do update set"
                + " request_hash = excluded.request_hash, state = 'DONE',"
                + " attempt = excluded.attempt, response_status = excluded.response_status,"
                + " response_body = excluded.response_body, updated_at = excluded.updated_at"
                + " where cashmiles.idempotency_key.state = 'IN_PROGRESS'",
            (c, ps) -> {
              Timestamp at = Timestamp.from(now);
              ps.setString(1, client.value());
              ps.setString(2, key);
              ps.setString(3, requestHash);
              ps.setString(4, UUID.randomUUID().toString());
              ps.setInt(5, answer.status());
              ps.setString(6, answer.body());
              ps.setTimestamp(7, at);
              ps.setTimestamp(8, at);
            })
        == 1;
  }

  /** Runs the lock query (one boolean: whether the lock was taken). */
  private boolean lock(ClientId client, String key, String sql) {
    long id = lockId(client, key);
    return jdbc.first(
            "lock an idempotency key", sql, (c, ps) -> ps.setLong(1, id), rs -> rs.getBoolean(1))
        .orElseThrow();
  }

  /** 64 bits of SHA-256 over client and key (the key may be any printable text). */
  static long lockId(ClientId client, String key) {
    return ByteBuffer.wrap(Sha256.of("cashmiles-idempotency\n" + client.value() + "\n" + key))
        .getLong();
  }

  private Optional<Row> read(ClientId client, String key) {
    return jdbc.first(
        "read an idempotency key",
        "select request_hash, state, response_status, response_body, updated_at"
            + " from cashmiles.idempotency_key"
            + KEY,
        (c, ps) -> {
          ps.setString(1, client.value());
          ps.setString(2, key);
        },
        rs ->
            new Row(
                rs.getString(1),
                rs.getString(2),
                (Integer) rs.getObject(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant()));
  }
}
