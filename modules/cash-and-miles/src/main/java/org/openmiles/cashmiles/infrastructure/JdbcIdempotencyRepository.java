package org.openmiles.cashmiles.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.domain.IdempotencyRepository;
import org.openmiles.common.jdbc.Jdbc;

/**
 * {@code cashmiles.idempotency_key}. A new key is inserted with PostgreSQL's {@code on conflict do
 * nothing}: a concurrent insert of the same key waits for the first to commit and then finds its
 * row. Taking over a stale key uses {@code for update skip locked}: a row whose attempt still runs
 * is locked by that attempt's work transaction and is never taken.
 */
@ApplicationScoped
public class JdbcIdempotencyRepository implements IdempotencyRepository {
  private static final String KEY = " where client_id = ? and idempotency_key = ?";

  @Resource(lookup = "java:app/jdbc/openmiles")
  DataSource dataSource;

  private Jdbc jdbc;

  @PostConstruct
  void init() {
    jdbc = new Jdbc(dataSource);
  }

  private record Row(
      String hash, String state, String attempt, Integer status, String body, Instant updated) {
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
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Begin begin(
      ClientId client,
      String key,
      String requestHash,
      String attempt,
      Instant now,
      Instant staleBefore) {
    Optional<Row> existing = Optional.empty();
    // the first attempt may forget its key between our insert and our read: then insert again
    for (int round = 0; round < 3 && existing.isEmpty(); round++) {
      if (insertNew(client, key, requestHash, attempt, now)) {
        return new Begin.Started();
      }
      existing = read(client, key, "");
    }
    Row row = existing.orElseThrow(() -> gone(key));
    Begin seen = row.asSeen(requestHash);
    if (!(seen instanceof Begin.InUse) || !row.updated().isBefore(staleBefore)) {
      return seen;
    }
    // stale: take it over unless its attempt still runs (and so holds the row lock)
    Optional<Row> unlocked = read(client, key, " for update skip locked");
    if (unlocked.isEmpty() || !"IN_PROGRESS".equals(unlocked.get().state())) {
      return unlocked.map(r -> r.asSeen(requestHash)).orElse(new Begin.InUse());
    }
    jdbc.update(
        "take over an idempotency key",
        "update cashmiles.idempotency_key set attempt = ?, updated_at = ?" + KEY,
        (c, ps) -> {
          ps.setString(1, attempt);
          ps.setTimestamp(2, Timestamp.from(now));
          ps.setString(3, client.value());
          ps.setString(4, key);
        });
    return new Begin.Started();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public Begin claim(ClientId client, String key, String attempt) {
    Row row = read(client, key, " for update").orElseThrow(() -> gone(key));
    if ("DONE".equals(row.state())) {
      return new Begin.Replay(new Answer(row.status(), row.body()));
    }
    return attempt.equals(row.attempt()) ? new Begin.Started() : new Begin.InUse();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void complete(ClientId client, String key, String attempt, Answer answer, Instant now) {
    store(client, key, attempt, answer, now);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void finish(ClientId client, String key, String attempt, Answer answer, Instant now) {
    store(client, key, attempt, answer, now);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void forget(ClientId client, String key, String attempt) {
    jdbc.update(
        "forget an idempotency key",
        "delete from cashmiles.idempotency_key"
            + KEY
            + " and attempt = ? and state = 'IN_PROGRESS'",
        (c, ps) -> {
          ps.setString(1, client.value());
          ps.setString(2, key);
          ps.setString(3, attempt);
        });
  }

  private boolean insertNew(
      ClientId client, String key, String requestHash, String attempt, Instant now) {
    return jdbc.update(
            "record an idempotency key",
            "insert into cashmiles.idempotency_key (client_id, idempotency_key, request_hash,"
                + " state, attempt, created_at, updated_at) values (?, ?, ?, 'IN_PROGRESS', ?, ?, ?)"
                + " on conflict do nothing",
            (c, ps) -> {
              ps.setString(1, client.value());
              ps.setString(2, key);
              ps.setString(3, requestHash);
              ps.setString(4, attempt);
              ps.setTimestamp(5, Timestamp.from(now));
              ps.setTimestamp(6, Timestamp.from(now));
            })
        == 1;
  }

  private void store(ClientId client, String key, String attempt, Answer answer, Instant now) {
    jdbc.update(
        "store an idempotent answer",
        "update cashmiles.idempotency_key set state = 'DONE', response_status = ?,"
            + " response_body = ?, updated_at = ?"
            + KEY
            + " and attempt = ? and state = 'IN_PROGRESS'",
        (c, ps) -> {
          ps.setInt(1, answer.status());
          ps.setString(2, answer.body());
          ps.setTimestamp(3, Timestamp.from(now));
          ps.setString(4, client.value());
          ps.setString(5, key);
          ps.setString(6, attempt);
        });
  }

  private Optional<Row> read(ClientId client, String key, String lock) {
    return jdbc.first(
        "read an idempotency key",
        "select request_hash, state, attempt, response_status, response_body, updated_at"
            + " from cashmiles.idempotency_key"
            + KEY
            + lock,
        (c, ps) -> {
          ps.setString(1, client.value());
          ps.setString(2, key);
        },
        rs ->
            new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                (Integer) rs.getObject(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant()));
  }

  private static IllegalStateException gone(String key) {
    return new IllegalStateException(
        "idempotency key " + key + " vanished: its first request failed; retry");
  }
}
