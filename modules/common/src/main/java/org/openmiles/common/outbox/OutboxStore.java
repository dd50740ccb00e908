package org.openmiles.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.text.Texts;

/**
 * The relay's statements on {@code outbox.event} (ADR 0033). Each runs in the caller's transaction;
 * {@link #takeNextDue()} locks the event it returns until that transaction ends, and skips events
 * another instance holds.
 */
@ApplicationScoped
public class OutboxStore {
  /** The backlog as operations see it. */
  public record Backlog(long pending, long failing, long oldestPendingSeconds) {}

  @Inject Jdbc jdbc;

  /** The oldest due undelivered event, locked for this transaction; empty when none is due. */
  public Optional<OutboxEvent> takeNextDue() {
    return jdbc.first(
        "take the next outbox event",
        """
        select id, topic, event_key, payload, attempts, correlation_id
          from outbox.event
         where delivered_at is null and next_attempt_at <= now()
         order by next_attempt_at, id
         limit 1
           for update skip locked
        """,
        (c, ps) -> {},
        rs ->
            new OutboxEvent(
                rs.getLong("id"),
                rs.getString("topic"),
                rs.getString("event_key"),
                rs.getString("payload"),
                rs.getInt("attempts"),
                rs.getString("correlation_id")));
  }

  public void delivered(long id) {
    jdbc.update(
        "mark outbox event " + id + " delivered",
        "update outbox.event set delivered_at = now() where id = ?",
        (c, ps) -> ps.setLong(1, id));
  }

  /** Counts a failed delivery and puts the next attempt {@code waitSeconds} from now. */
  public void failed(long id, String error, long waitSeconds) {
    String clipped = error == null ? "" : Texts.truncate(error, 1000);
    jdbc.update(
        "record a failed delivery of outbox event " + id,
        """
        update outbox.event
           set attempts = attempts + 1, last_error = ?,
               next_attempt_at = now() + make_interval(secs => ?)
         where id = ? and delivered_at is null
        """,
        (c, ps) -> {
          ps.setString(1, clipped);
          ps.setLong(2, waitSeconds);
          ps.setLong(3, id);
        });
  }

  /** Deletes delivered events older than {@code days}; the number deleted. */
  public int purgeDelivered(int days) {
    return jdbc.update(
        "delete old delivered outbox events",
        "delete from outbox.event where delivered_at < now() - make_interval(days => ?)",
        (c, ps) -> ps.setInt(1, days));
  }

  /** Undelivered events, those that failed at least once, and the age of the oldest. */
  public Backlog backlog() {
    return jdbc.first(
            "read the outbox backlog",
            """
            select count(*) as pending,
                   count(*) filter (where attempts > 0) as failing,
                   coalesce(extract(epoch from now() - min(created_at)), 0)::bigint as oldest
              from outbox.event
             where delivered_at is null
            """,
            (c, ps) -> {},
            rs -> new Backlog(rs.getLong("pending"), rs.getLong("failing"), rs.getLong("oldest")))
        .orElse(new Backlog(0, 0, 0));
  }
}
