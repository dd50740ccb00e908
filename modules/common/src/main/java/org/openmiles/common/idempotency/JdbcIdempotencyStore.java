package org.openmiles.common.idempotency;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.openmiles.common.Sha256;
import org.openmiles.common.jdbc.Jdbc;

/**
 * An {@link IdempotencyStore} on a module's own table (in its schema, created by its migrations)
 * with the columns {@code <scope column>, idempotency_key, request_hash, state, attempt,
 * response_status, response_body, created_at, updated_at}, and the key's lock: a PostgreSQL
 * transaction-level advisory lock ({@code pg_try_advisory_xact_lock}) on a 64-bit hash of the
 * module's namespace, scope and key, released by the commit or rollback, or by the session's end if
 * the process dies. The lock is taken before the row is read (each statement of a READ COMMITTED
 * transaction sees what committed before it), so the owner of the lock sees any answer stored
 * before it. The single-key form of the advisory lock is also what the scheduled jobs use ({@code
 * app.jobs.ClusterLock}); a 64-bit hash makes a clash with their few keys, or between two keys in
 * flight, practically impossible, and would only cost a 409 or a skipped job run.
 *
 * <p>A module subclasses it as an {@code @ApplicationScoped} bean naming its table; the transaction
 * attributes declared here are inherited (no method is overridden).
 */
public abstract class JdbcIdempotencyStore implements IdempotencyStore {
  private final String table;
  private final String scopeColumn;
  private final String lockNamespace;

  @Inject Jdbc jdbc;

  /**
   * @param table the schema-qualified table, such as {@code cashmiles.idempotency_key}
   * @param scopeColumn the column of the key's owner, such as {@code client_id}
   * @param lockNamespace what the lock id hashes first, so modules' keys never share a lock
   */
  protected JdbcIdempotencyStore(String table, String scopeColumn, String lockNamespace) {
    this.table = table;
    this.scopeColumn = scopeColumn;
    this.lockNamespace = lockNamespace;
  }

  private record Row(String hash, String state, Integer status, String body, Instant updated) {
    Begin asSeen(Fingerprint request) {
      if (!hash.equals(request.hex())) {
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
  public Begin claim(String scope, String key, Fingerprint request, Instant staleBefore) {
    if (!lock(scope, key, "select pg_try_advisory_xact_lock(?)")) {
      return new Begin.InUse();
    }
    Optional<Row> existing = read(scope, key);
    if (existing.isEmpty()) {
      return new Begin.Started();
    }
    Row row = existing.get();
    Begin seen = row.asSeen(request);
    // an IN_PROGRESS row of the earlier protocol: its request kept it fresh while it ran
    if (seen instanceof Begin.InUse && row.updated().isBefore(staleBefore)) {
      return new Begin.Started();
    }
    return seen;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean complete(
      String scope, String key, Fingerprint request, Answer answer, Instant now) {
    return store(scope, key, request, answer, now);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Begin refuse(String scope, String key, Fingerprint request, Answer answer, Instant now) {
    lock(scope, key, "select true from (select pg_advisory_xact_lock(?)) waited");
    Optional<Row> existing = read(scope, key);
    if (existing.isPresent() && "DONE".equals(existing.get().state())) {
      return existing.get().asSeen(request);
    }
    store(scope, key, request, answer, now);
    return new Begin.Replay(answer);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purgeCreatedBefore(Instant before, int limit) {
    return jdbc.update(
        "purge old idempotency keys",
        """
        delete from %1$s where (%2$s, idempotency_key) in
         (select %2$s, idempotency_key from %1$s
         where created_at < ? order by created_at fetch first ? rows only
         for update skip locked)
        """
            .formatted(table, scopeColumn),
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(before));
          ps.setInt(2, limit);
        });
  }

  /** Inserts the answer, or turns an IN_PROGRESS row into it; false if an answer was there. */
  private boolean store(String scope, String key, Fingerprint request, Answer answer, Instant now) {
    return jdbc.update(
            "store an idempotent answer",
            """
            insert into %1$s (%2$s, idempotency_key, request_hash,
             state, attempt, response_status, response_body, created_at, updated_at)
             values (?, ?, ?, 'DONE', ?, ?, ?, ?, ?)
             on conflict (%2$s, idempotency_key) do update set
             request_hash = excluded.request_hash, state = 'DONE',
             attempt = excluded.attempt, response_status = excluded.response_status,
             response_body = excluded.response_body, updated_at = excluded.updated_at
             where %1$s.state = 'IN_PROGRESS'
            """
                .formatted(table, scopeColumn),
            (c, ps) -> {
              Timestamp at = Timestamp.from(now);
              ps.setString(1, scope);
              ps.setString(2, key);
              ps.setString(3, request.hex());
              ps.setString(4, UUID.randomUUID().toString());
              ps.setInt(5, answer.status());
              ps.setString(6, answer.body());
              ps.setTimestamp(7, at);
              ps.setTimestamp(8, at);
            })
        == 1;
  }

  /** Runs the lock query (one boolean: whether the lock was taken). */
  private boolean lock(String scope, String key, String sql) {
    long id = lockId(lockNamespace, scope, key);
    return jdbc.first(
            "lock an idempotency key", sql, (c, ps) -> ps.setLong(1, id), rs -> rs.getBoolean(1))
        .orElseThrow();
  }

  /** 64 bits of SHA-256 over namespace, scope and key (the key may be any printable text). */
  static long lockId(String namespace, String scope, String key) {
    return ByteBuffer.wrap(Sha256.of(namespace + "\n" + scope + "\n" + key)).getLong();
  }

  private Optional<Row> read(String scope, String key) {
    return jdbc.first(
        "read an idempotency key",
        """
        select request_hash, state, response_status, response_body, updated_at
          from %s where %s = ? and idempotency_key = ?
        """
            .formatted(table, scopeColumn),
        (c, ps) -> {
          ps.setString(1, scope);
          ps.setString(2, key);
        },
        rs ->
            new Row(
                rs.getString("request_hash"),
                rs.getString("state"),
                (Integer) rs.getObject("response_status"),
                rs.getString("response_body"),
                rs.getTimestamp("updated_at").toInstant()));
  }
}
