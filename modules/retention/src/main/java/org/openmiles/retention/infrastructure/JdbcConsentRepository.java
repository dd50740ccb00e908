package org.openmiles.retention.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.retention.api.Channel;
import org.openmiles.retention.api.ConsentSelection;
import org.openmiles.retention.api.ConsentSource;
import org.openmiles.retention.api.ConsentView;
import org.openmiles.retention.api.RecordConsent;
import org.openmiles.retention.domain.ConsentRepository;

/** Consent history and current decisions of the retention schema, in plain JDBC. */
@ApplicationScoped
public class JdbcConsentRepository implements ConsentRepository {
  private static final String COLUMNS = "channel, granted, source, principal";

  @Inject Jdbc jdbc;

  @Override
  public Optional<ConsentView> lockCurrent(RecordConsent d, Instant now) {
    Optional<ConsentView> current = lockedRow(d);
    if (current.isPresent()) {
      return current;
    }
    // the first decision for the channel; a concurrent first one waits here, then finds this row
    int inserted =
        jdbc.update(
            "store a first consent decision",
            """
            insert into retention.member_consent (member_number, channel, granted, source,
                   principal, updated_at, event_id)
            values (?, ?, ?, ?, ?, ?, 0) on conflict (member_number, channel) do nothing""",
            (c, ps) -> bind(ps, d, now));
    return inserted == 1 ? Optional.empty() : lockedRow(d);
  }

  /** Member, channel, granted, source, principal and time: the columns both tables start with. */
  private static void bind(PreparedStatement ps, RecordConsent d, Instant now) throws SQLException {
    ps.setString(1, d.member().value());
    ps.setString(2, d.channel().name());
    ps.setBoolean(3, d.granted());
    ps.setString(4, d.source().name());
    ps.setString(5, d.principal());
    ps.setTimestamp(6, Timestamp.from(now));
  }

  private Optional<ConsentView> lockedRow(RecordConsent d) {
    return jdbc.first(
        "lock a member's consent",
        "select "
            + COLUMNS
            + ", updated_at as at from retention.member_consent"
            + " where member_number = ? and channel = ? for update",
        (c, ps) -> {
          ps.setString(1, d.member().value());
          ps.setString(2, d.channel().name());
        },
        JdbcConsentRepository::view);
  }

  private static ConsentView view(ResultSet rs) throws SQLException {
    return new ConsentView(
        Channel.valueOf(rs.getString("channel")),
        rs.getBoolean("granted"),
        ConsentSource.valueOf(rs.getString("source")),
        rs.getString("principal"),
        rs.getTimestamp("at").toInstant());
  }

  @Override
  public long append(RecordConsent d, Instant now) {
    return jdbc.first(
            "append a consent decision",
            """
            insert into retention.consent_event (member_number, channel, granted, source,
                   principal, recorded_at)
            values (?, ?, ?, ?, ?, ?) returning id""",
            (c, ps) -> bind(ps, d, now),
            rs -> rs.getLong(1))
        .orElseThrow();
  }

  @Override
  public void setCurrent(RecordConsent d, long eventId, Instant now) {
    jdbc.update(
        "set a member's consent",
        """
        update retention.member_consent set granted = ?, source = ?, principal = ?,
               event_id = ?, updated_at = ?
         where member_number = ? and channel = ?""",
        (c, ps) -> {
          ps.setBoolean(1, d.granted());
          ps.setString(2, d.source().name());
          ps.setString(3, d.principal());
          ps.setLong(4, eventId);
          ps.setTimestamp(5, Timestamp.from(now));
          ps.setString(6, d.member().value());
          ps.setString(7, d.channel().name());
        });
  }

  @Override
  public List<ConsentView> current(MemberNumber member) {
    return jdbc.list(
        "read a member's consents",
        "select "
            + COLUMNS
            + ", updated_at as at from retention.member_consent"
            + " where member_number = ? order by channel",
        (c, ps) -> ps.setString(1, member.value()),
        JdbcConsentRepository::view);
  }

  @Override
  public List<ConsentView> history(MemberNumber member) {
    return jdbc.list(
        "read a member's consent history",
        "select "
            + COLUMNS
            + ", recorded_at as at from retention.consent_event"
            + " where member_number = ? order by id desc",
        (c, ps) -> ps.setString(1, member.value()),
        JdbcConsentRepository::view);
  }

  @Override
  public Set<String> granted(Channel channel, Collection<String> members) {
    // the published rule itself: what campaigns are told to write is what this runs
    return new HashSet<>(
        jdbc.list(
            "select consented members",
            "select candidate.member_number"
                + " from unnest(?::varchar[]) as candidate (member_number) "
                + ConsentSelection.SQL_RULE,
            (c, ps) -> {
              ps.setArray(1, Jdbc.array(c, "varchar", members));
              ps.setString(2, channel.name());
            },
            rs -> rs.getString(1)));
  }
}
