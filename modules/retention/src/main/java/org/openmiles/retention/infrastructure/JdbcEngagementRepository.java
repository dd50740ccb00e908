package org.openmiles.retention.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.retention.api.ActionStatus;
import org.openmiles.retention.api.ActionView;
import org.openmiles.retention.api.LevelView;
import org.openmiles.retention.domain.ActionType;
import org.openmiles.retention.domain.EngagementRepository;

/** The engagement tables of the retention schema, in plain JDBC. */
@ApplicationScoped
public class JdbcEngagementRepository implements EngagementRepository {
  private static final String ACTION_COLUMNS =
      "action_id, member_number, action_type, status, points, bonus_miles, ledger_reference,"
          + " referred_member, action_day, recorded_at";

  @Inject Jdbc jdbc;

  /** Each code's version in force on a day (V10): the latest from on or before it. */
  private static final String TYPES_ON =
      """
      select distinct on (code) code, name, points, daily_cap, lifetime_cap, bonus_miles, active
        from retention.engagement_action_type_version
       where effective_from <= ?""";

  @Override
  public List<ActionType> catalogue(LocalDate on) {
    return jdbc.list(
        "read the engagement catalogue",
        TYPES_ON + " order by code, effective_from desc",
        (c, ps) -> ps.setDate(1, Date.valueOf(on)),
        JdbcEngagementRepository::type);
  }

  @Override
  public Optional<ActionType> type(String code, LocalDate on) {
    return jdbc.first(
        "read an engagement action type",
        TYPES_ON + " and code = ? order by code, effective_from desc",
        (c, ps) -> {
          ps.setDate(1, Date.valueOf(on));
          ps.setString(2, code);
        },
        JdbcEngagementRepository::type);
  }

  /** An action type's version as a row of {@code engagement_action_type_version} has it. */
  static ActionType type(ResultSet rs) throws SQLException {
    return new ActionType(
        rs.getString("code"),
        rs.getString("name"),
        rs.getInt("points"),
        (Integer) rs.getObject("daily_cap"),
        (Integer) rs.getObject("lifetime_cap"),
        rs.getLong("bonus_miles"),
        rs.getBoolean("active"));
  }

  @Override
  public List<LevelView> levels(LocalDate on) {
    return jdbc.list(
        "read the engagement levels",
        """
        select code, name, min_points
          from (select distinct on (code) code, name, min_points
                  from retention.engagement_level_version
                 where effective_from <= ?
                 order by code, effective_from desc) l
         order by min_points""",
        (c, ps) -> ps.setDate(1, Date.valueOf(on)),
        rs -> new LevelView(rs.getString("code"), rs.getString("name"), rs.getLong("min_points")));
  }

  @Override
  public long lockMember(MemberNumber member, String lowestLevel, Instant now) {
    jdbc.update(
        "create a member's engagement",
        """
        insert into retention.member_engagement (member_number, points, level_code, updated_at)
        values (?, 0, ?, ?) on conflict (member_number) do nothing""",
        (c, ps) -> {
          ps.setString(1, member.value());
          ps.setString(2, lowestLevel);
          ps.setTimestamp(3, Timestamp.from(now));
        });
    return jdbc.first(
            "lock a member's engagement",
            "select points from retention.member_engagement where member_number = ? for update",
            (c, ps) -> ps.setString(1, member.value()),
            rs -> rs.getLong(1))
        .orElseThrow();
  }

  @Override
  public Optional<Long> points(MemberNumber member) {
    return jdbc.first(
        "read a member's engagement points",
        "select points from retention.member_engagement where member_number = ?",
        (c, ps) -> ps.setString(1, member.value()),
        rs -> rs.getLong(1));
  }

  @Override
  public void setPoints(MemberNumber member, long points, String levelCode, Instant now) {
    jdbc.update(
        "set a member's engagement points",
        """
        update retention.member_engagement set points = ?, level_code = ?, updated_at = ?
         where member_number = ?""",
        (c, ps) -> {
          ps.setLong(1, points);
          ps.setString(2, levelCode);
          ps.setTimestamp(3, Timestamp.from(now));
          ps.setString(4, member.value());
        });
  }

  @Override
  public Optional<ActionView> action(String actionId) {
    return jdbc.first(
        "read an engagement action",
        "select " + ACTION_COLUMNS + " from retention.engagement_action where action_id = ?",
        (c, ps) -> ps.setString(1, actionId),
        JdbcEngagementRepository::action);
  }

  private static ActionView action(ResultSet rs) throws SQLException {
    String referred = rs.getString("referred_member");
    return new ActionView(
        rs.getString("action_id"),
        new MemberNumber(rs.getString("member_number")),
        rs.getString("action_type"),
        ActionStatus.valueOf(rs.getString("status")),
        rs.getInt("points"),
        rs.getLong("bonus_miles"),
        rs.getString("ledger_reference"),
        referred == null ? null : new MemberNumber(referred),
        rs.getDate("action_day").toLocalDate(),
        rs.getTimestamp("recorded_at").toInstant());
  }

  @Override
  public PointsCounted counted(MemberNumber member, String type, LocalDate day) {
    return jdbc.first(
            "count a member's engagement points",
            """
            select coalesce(sum(points) filter (where action_day = ?), 0) as on_day,
                   coalesce(sum(points), 0) as ever
              from retention.engagement_action
             where member_number = ? and action_type = ?""",
            (c, ps) -> {
              ps.setDate(1, Date.valueOf(day));
              ps.setString(2, member.value());
              ps.setString(3, type);
            },
            rs -> new PointsCounted(rs.getLong("on_day"), rs.getLong("ever")))
        .orElseThrow();
  }

  @Override
  public boolean insert(ActionView a, String principal) {
    return jdbc.update(
            "store an engagement action",
            """
        insert into retention.engagement_action (action_id, member_number, action_type, status,
               points, bonus_miles, ledger_reference, referred_member, action_day, principal,
               recorded_at, credited_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
            (c, ps) -> {
              ps.setString(1, a.actionId());
              ps.setString(2, a.member().value());
              ps.setString(3, a.type());
              ps.setString(4, a.status().name());
              ps.setInt(5, a.points());
              ps.setLong(6, a.bonusMiles());
              ps.setString(7, a.ledgerReference());
              if (a.referredMember() == null) {
                ps.setNull(8, Types.VARCHAR);
              } else {
                ps.setString(8, a.referredMember().value());
              }
              ps.setDate(9, Date.valueOf(a.actionDay()));
              ps.setString(10, principal);
              ps.setTimestamp(11, Timestamp.from(a.recordedAt()));
              boolean credited =
                  a.status() == ActionStatus.AWARDED || a.status() == ActionStatus.CAPPED;
              ps.setTimestamp(12, credited ? Timestamp.from(a.recordedAt()) : null);
            })
        == 1;
  }

  @Override
  public boolean referred(MemberNumber friend) {
    return jdbc.first(
            "is the friend referred",
            "select 1 from retention.engagement_action where referred_member = ?",
            (c, ps) -> ps.setString(1, friend.value()),
            rs -> true)
        .isPresent();
  }

  @Override
  public List<String> qualifyReferrals(Collection<String> friends, Instant now) {
    return jdbc.list(
        "qualify the referrals of friends who flew",
        """
        update retention.engagement_action set status = 'QUALIFIED'
         where referred_member = any(?) and status = 'PENDING'
        returning action_id""",
        (c, ps) -> ps.setArray(1, Jdbc.array(c, "varchar", friends)),
        rs -> rs.getString(1));
  }

  @Override
  public void creditReferral(ActionView a, Instant now) {
    jdbc.update(
        "credit a referral",
        """
        update retention.engagement_action set status = ?, points = ?, bonus_miles = ?,
               ledger_reference = ?, action_day = ?, credited_at = ?
         where action_id = ? and status = 'QUALIFIED'""",
        (c, ps) -> {
          ps.setString(1, a.status().name());
          ps.setInt(2, a.points());
          ps.setLong(3, a.bonusMiles());
          ps.setString(4, a.ledgerReference());
          ps.setDate(5, Date.valueOf(a.actionDay()));
          ps.setTimestamp(6, Timestamp.from(now));
          ps.setString(7, a.actionId());
        });
  }

  @Override
  public List<ActionView> recent(MemberNumber member, int limit) {
    return jdbc.list(
        "read a member's engagement actions",
        "select "
            + ACTION_COLUMNS
            + " from retention.engagement_action where member_number = ?"
            + " order by recorded_at desc, id desc limit ?",
        (c, ps) -> {
          ps.setString(1, member.value());
          ps.setInt(2, limit);
        },
        JdbcEngagementRepository::action);
  }
}
