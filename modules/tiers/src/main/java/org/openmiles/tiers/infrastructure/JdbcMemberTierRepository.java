package org.openmiles.tiers.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.tiers.api.TierBenefits;
import org.openmiles.tiers.api.TierHistoryView;
import org.openmiles.tiers.domain.Counters;
import org.openmiles.tiers.domain.DatedTier;
import org.openmiles.tiers.domain.EarnedStatus;
import org.openmiles.tiers.domain.EndedOverride;
import org.openmiles.tiers.domain.HistoryEntry;
import org.openmiles.tiers.domain.MemberStatuses;
import org.openmiles.tiers.domain.MonthDelta;
import org.openmiles.tiers.domain.OverrideGrant;
import org.openmiles.tiers.domain.QualifyingCounters;
import org.openmiles.tiers.domain.RecordedStatus;
import org.openmiles.tiers.domain.Standing;
import org.openmiles.tiers.domain.TierDefinitions;
import org.openmiles.tiers.domain.TierHistory;
import org.openmiles.tiers.domain.TierOverrides;

/**
 * Member status, qualifying counters, overrides and history in the {@code tiers} schema. Every
 * write method takes a whole batch and costs one statement (PostgreSQL {@code unnest} arrays).
 * Reads for a batch of members start from {@code unnest} of their numbers and join by key, never
 * {@code member_number = any(?)}: planned while a table was small (empty {@code member_tier} before
 * the first upgrades), that filter became a scan comparing every row with every array element, 100
 * ms per 2,000-coupon chunk (ADR 0017, second addendum).
 */
@ApplicationScoped
public class JdbcMemberTierRepository
    implements TierDefinitions, MemberStatuses, QualifyingCounters, TierHistory, TierOverrides {

  @Inject Jdbc jdbc;

  /** Every version of every tier definition. */
  @Override
  public List<DatedTier> allDefinitions() {
    return jdbc.list(
        "read the tier definitions",
        """
        select code, name, tier_rank, flight_bonus_pct, effective_from, effective_to
        from tiers.tier_definition""",
        (c, ps) -> {},
        rs ->
            new DatedTier(
                new TierBenefits(
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getInt("tier_rank"),
                    rs.getInt("flight_bonus_pct")),
                date(rs, "effective_from"),
                date(rs, "effective_to")));
  }

  /** The columns {@link #status} reads, of {@code tiers.member_tier t}. */
  private static final String STATUS_COLUMNS =
      """
      t.tier_code, t.since, t.valid_until, t.override_id, t.override_tier_code, t.override_since,
      t.override_until""";

  private static RecordedStatus status(ResultSet rs) throws SQLException {
    return new RecordedStatus(
        new EarnedStatus(rs.getString("tier_code"), date(rs, "since"), date(rs, "valid_until")),
        (Long) rs.getObject("override_id"),
        rs.getString("override_tier_code"),
        date(rs, "override_since"),
        date(rs, "override_until"));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  /** The recorded status of each member that has one. */
  @Override
  public Map<String, RecordedStatus> statusOf(Collection<String> members) {
    return statuses("read member tiers", members, "");
  }

  @Override
  public Map<String, RecordedStatus> statusesAfter(String after, int limit) {
    Map<String, RecordedStatus> out = new java.util.LinkedHashMap<>();
    jdbc.list(
            "page through member tiers",
            "select t.member_number, "
                + STATUS_COLUMNS
                + " from tiers.member_tier t where t.member_number > ?"
                + " order by t.member_number limit ?",
            (c, ps) -> {
              ps.setString(1, after == null ? "" : after);
              ps.setInt(2, limit);
            },
            rs -> Map.entry(rs.getString("member_number"), status(rs)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The statuses of {@code members} that have one, the query ending with {@code tail}. */
  private Map<String, RecordedStatus> statuses(
      String what, Collection<String> members, String tail) {
    Map<String, RecordedStatus> out = new HashMap<>();
    if (members.isEmpty()) {
      return out;
    }
    jdbc.list(
            what,
            """
            select t.member_number, %s
            from unnest(?::varchar[]) k (member_number)
            join tiers.member_tier t on t.member_number = k.member_number"""
                    .formatted(STATUS_COLUMNS)
                + tail,
            (c, ps) -> ps.setArray(1, Jdbc.array(c, "varchar", members.toArray())),
            rs -> Map.entry(rs.getString("member_number"), status(rs)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /**
   * Adds the deltas to the monthly and lifetime counters: one statement for the whole batch
   * (upserts ordered by member, so concurrent batches lock rows in the same order). Returns each
   * member's lifetime miles and flights after it (no spend: lifetime counts none).
   */
  @Override
  public Map<String, Counters> addQualifying(List<MonthDelta> deltas) {
    Map<String, Counters> lifetime = new HashMap<>();
    if (deltas.isEmpty()) {
      return lifetime;
    }
    Object[][] cols =
        Jdbc.columns(
            deltas,
            5,
            d ->
                new Object[] {
                  d.member(), Date.valueOf(d.month().atDay(1)), d.miles(), d.flights(), d.spend()
                });
    jdbc.list(
            "add qualifying activity to the counters",
            """
            with d (member_number, month, qm, qf, qs) as (select * from unnest(%s)),
            m as (
              insert into tiers.qualifying_month as q
                (member_number, month, qualifying_miles, qualifying_flights, qualifying_spend)
              select member_number, month, sum(qm), sum(qf), sum(qs) from d
              group by member_number, month
              order by member_number, month
              on conflict (member_number, month) do update
              set qualifying_miles = q.qualifying_miles + excluded.qualifying_miles,
                qualifying_flights = q.qualifying_flights + excluded.qualifying_flights,
                qualifying_spend = q.qualifying_spend + excluded.qualifying_spend
              returning 1),
            l as (
              insert into tiers.qualifying_lifetime as l
                (member_number, qualifying_miles, qualifying_flights)
              select member_number, sum(qm), sum(qf) from d group by member_number
              order by member_number
              on conflict (member_number) do update
              set qualifying_miles = l.qualifying_miles + excluded.qualifying_miles,
                qualifying_flights = l.qualifying_flights + excluded.qualifying_flights
              returning member_number, qualifying_miles, qualifying_flights)
            select member_number, qualifying_miles, qualifying_flights from l"""
                .formatted(
                    Jdbc.unnestParameters("varchar", "date", "bigint", "numeric", "numeric")),
            Jdbc.arrays(cols, "varchar", "date", "bigint", "numeric", "numeric"),
            rs ->
                Map.entry(
                    rs.getString("member_number"),
                    new Counters(
                        rs.getLong("qualifying_miles"), rs.getBigDecimal("qualifying_flights"))))
        .forEach(e -> lifetime.put(e.getKey(), e.getValue()));
    return lifetime;
  }

  /**
   * Adds the duplicate's monthly and lifetime counters to the survivor's (one statement each); the
   * duplicate's own rows stay, equal to its own ledger.
   */
  @Override
  public void addCountersOf(String duplicate, String survivor) {
    jdbc.update(
        "add a merged duplicate's monthly counters",
        """
        insert into tiers.qualifying_month as q
          (member_number, month, qualifying_miles, qualifying_flights, qualifying_spend)
        select ?, month, qualifying_miles, qualifying_flights, qualifying_spend
        from tiers.qualifying_month where member_number = ? order by month
        on conflict (member_number, month) do update
        set qualifying_miles = q.qualifying_miles + excluded.qualifying_miles,
          qualifying_flights = q.qualifying_flights + excluded.qualifying_flights,
          qualifying_spend = q.qualifying_spend + excluded.qualifying_spend""",
        (c, ps) -> {
          ps.setString(1, survivor);
          ps.setString(2, duplicate);
        });
    jdbc.update(
        "add a merged duplicate's lifetime counters",
        """
        insert into tiers.qualifying_lifetime as l
          (member_number, qualifying_miles, qualifying_flights)
        select ?, qualifying_miles, qualifying_flights
        from tiers.qualifying_lifetime where member_number = ?
        on conflict (member_number) do update
        set qualifying_miles = l.qualifying_miles + excluded.qualifying_miles,
          qualifying_flights = l.qualifying_flights + excluded.qualifying_flights""",
        (c, ps) -> {
          ps.setString(1, survivor);
          ps.setString(2, duplicate);
        });
  }

  /**
   * Locks the status rows of {@code members} (in member order) and reads their standing over the
   * months {@code from} to {@code to}. Members without counters have zeros; without a status row, a
   * null status.
   */
  @Override
  public List<Standing> lockStandings(Collection<String> members, YearMonth from, YearMonth to) {
    lock(members);
    return standings(members, from, to);
  }

  /** Locks the status rows of {@code members} that exist, in member order; returns them. */
  @Override
  public Map<String, RecordedStatus> lock(Collection<String> members) {
    return statuses("lock member tiers", members, " order by t.member_number for update of t");
  }

  /** The standing of {@code members} over the months {@code from} to {@code to}, without locks. */
  @Override
  public List<Standing> standings(Collection<String> members, YearMonth from, YearMonth to) {
    return jdbc.list(
        "read qualifying standings",
        """
        select p.member_number, coalesce(w.qm, 0) qm, coalesce(w.qf, 0) qf,
          coalesce(w.qs, 0) qs, coalesce(l.qualifying_miles, 0) lifetime_miles,
          t.tier_code is not null has_status, %s
        from unnest(?::varchar[]) p (member_number)
        left join lateral (
          select sum(qualifying_miles) qm, sum(qualifying_flights) qf, sum(qualifying_spend) qs
          from tiers.qualifying_month q
          where q.member_number = p.member_number and q.month between ? and ?) w on true
        left join tiers.qualifying_lifetime l on l.member_number = p.member_number
        left join tiers.member_tier t on t.member_number = p.member_number"""
            .formatted(STATUS_COLUMNS),
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "varchar", members.toArray()));
          ps.setDate(2, Date.valueOf(from.atDay(1)));
          ps.setDate(3, Date.valueOf(to.atDay(1)));
        },
        rs ->
            new Standing(
                rs.getString("member_number"),
                new Counters(rs.getLong("qm"), rs.getBigDecimal("qf"), rs.getBigDecimal("qs")),
                rs.getLong("lifetime_miles"),
                rs.getBoolean("has_status") ? status(rs) : null));
  }

  /** Records members' earned statuses (insert or replace), leaving overrides as they are. */
  @Override
  public void saveEarned(Map<String, EarnedStatus> statuses) {
    if (statuses.isEmpty()) {
      return;
    }
    List<Map.Entry<String, EarnedStatus>> rows =
        statuses.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    Object[][] cols =
        Jdbc.columns(
            rows,
            4,
            e ->
                new Object[] {
                  e.getKey(),
                  e.getValue().tierCode(),
                  Date.valueOf(e.getValue().since()),
                  e.getValue().validUntil() == null ? null : Date.valueOf(e.getValue().validUntil())
                });
    jdbc.update(
        "record earned tiers",
        """
        insert into tiers.member_tier (member_number, tier_code, since, valid_until)
        select * from unnest(%s)
        on conflict (member_number) do update
        set tier_code = excluded.tier_code, since = excluded.since,
          valid_until = excluded.valid_until"""
            .formatted(Jdbc.unnestParameters("varchar", "varchar", "date", "date")),
        Jdbc.arrays(cols, "varchar", "varchar", "date", "date"));
  }

  @Override
  public void insertHistory(List<HistoryEntry> rows) {
    if (rows.isEmpty()) {
      return;
    }
    Object[][] cols =
        Jdbc.columns(
            rows,
            6,
            r ->
                new Object[] {
                  r.member(),
                  r.from(),
                  r.to(),
                  r.source(),
                  r.reason() == null ? "" : r.reason(),
                  r.validUntil() == null ? null : Date.valueOf(r.validUntil())
                });
    jdbc.update(
        "record tier history",
        """
        insert into tiers.tier_history
          (member_number, from_tier, to_tier, source, reason, valid_until)
        select * from unnest(%s)"""
            .formatted(
                Jdbc.unnestParameters(
                    "varchar", "varchar", "varchar", "varchar", "varchar", "date")),
        Jdbc.arrays(cols, "varchar", "varchar", "varchar", "varchar", "varchar", "date"));
  }

  /** The member's history, newest first. */
  @Override
  public List<TierHistoryView> history(String member) {
    return jdbc.list(
        "read tier history",
        """
        select id, from_tier, to_tier, source, reason, valid_until, at
        from tiers.tier_history where member_number = ? order by id desc""",
        (c, ps) -> ps.setString(1, member),
        rs ->
            new TierHistoryView(
                rs.getLong("id"),
                rs.getString("from_tier"),
                rs.getString("to_tier"),
                rs.getString("source"),
                rs.getString("reason"),
                date(rs, "valid_until"),
                rs.getTimestamp("at").toInstant()));
  }

  @Override
  public Optional<OverrideGrant> override(long id) {
    return jdbc.first(
        "read a tier override",
        "select id, reason, approver from tiers.tier_override where id = ?",
        (c, ps) -> ps.setLong(1, id),
        rs ->
            new OverrideGrant(rs.getLong("id"), rs.getString("reason"), rs.getString("approver")));
  }

  /**
   * Records a new override and makes it the member's override in force, ending the one it replaces.
   * The member's status row is created (base tier since {@code today}) if missing.
   */
  @Override
  public long grantOverride(
      String member,
      String tier,
      String reason,
      String approver,
      LocalDate today,
      LocalDate expiresOn,
      String baseTier) {
    long id =
        jdbc.first(
                "record a tier override",
                """
                insert into tiers.tier_override
                  (member_number, tier_code, reason, approver, starts_on, expires_on)
                values (?, ?, ?, ?, ?, ?)
                returning id""",
                (c, ps) -> {
                  ps.setString(1, member);
                  ps.setString(2, tier);
                  ps.setString(3, reason);
                  ps.setString(4, approver);
                  ps.setDate(5, Date.valueOf(today));
                  ps.setDate(6, Date.valueOf(expiresOn));
                },
                rs -> rs.getLong("id"))
            .orElseThrow();
    jdbc.update(
        "end the replaced tier override",
        """
        update tiers.tier_override set ended_at = now()
        where member_number = ? and id <> ? and ended_at is null""",
        (c, ps) -> {
          ps.setString(1, member);
          ps.setLong(2, id);
        });
    jdbc.update(
        "put a tier override in force",
        """
        insert into tiers.member_tier (member_number, tier_code, since, override_tier_code,
          override_since, override_until, override_id)
        values (?, ?, ?, ?, ?, ?, ?)
        on conflict (member_number) do update
        set override_tier_code = excluded.override_tier_code,
          override_since = excluded.override_since, override_until = excluded.override_until,
          override_id = excluded.override_id""",
        (c, ps) -> {
          ps.setString(1, member);
          ps.setString(2, baseTier);
          ps.setDate(3, Date.valueOf(today));
          ps.setString(4, tier);
          ps.setDate(5, Date.valueOf(today));
          ps.setDate(6, Date.valueOf(expiresOn));
          ps.setLong(7, id);
        });
    return id;
  }

  /**
   * Clears every override whose last day is before {@code today} and marks it ended, in one
   * statement; returns what ended. Rows are locked in member order.
   */
  @Override
  public List<EndedOverride> endOverridesBefore(LocalDate today) {
    return jdbc.list(
        "end expired tier overrides",
        """
        with x as (
          select member_number, override_id, override_tier_code, tier_code, since, valid_until
          from tiers.member_tier where override_until < ?
          order by member_number for update),
        u as (
          update tiers.member_tier t set override_tier_code = null, override_since = null,
            override_until = null, override_id = null
          from x where t.member_number = x.member_number),
        o as (
          update tiers.tier_override o set ended_at = now()
          from x where o.id = x.override_id and o.ended_at is null)
        select member_number, override_tier_code, tier_code, since, valid_until from x""",
        (c, ps) -> ps.setDate(1, Date.valueOf(today)),
        rs ->
            new EndedOverride(
                rs.getString("member_number"),
                rs.getString("override_tier_code"),
                new EarnedStatus(
                    rs.getString("tier_code"), date(rs, "since"), date(rs, "valid_until"))));
  }
}
