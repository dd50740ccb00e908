package org.openmiles.tiers.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.tiers.api.TierReviewSummary;
import org.openmiles.tiers.api.TierReviewSummary.Move;
import org.openmiles.tiers.domain.TierDefinition;
import org.openmiles.tiers.domain.TierProgram;
import org.openmiles.tiers.domain.TierReviewRuns;

/**
 * The period-end review in SQL over all members at once: one statement assesses every status that
 * ends on or before the period end against the period's counters, writes the new tiers and the
 * history of the moves, and returns the moves per tier. It follows {@link TierProgram#reviewed}:
 * keep (or go up) when the requirement is met, else down {@code reviewDropTiers} ranks but never
 * below what the activity reaches; lifetime tiers are not candidates.
 */
@ApplicationScoped
public class JdbcTierReviewRepository implements TierReviewRuns {

  @Inject Jdbc jdbc;

  /**
   * Claims the review of {@code periodEnd}: true for the one caller that inserts the run row; a
   * concurrent caller waits for that transaction and then gets false.
   */
  @Override
  public boolean claim(LocalDate periodEnd, String period) {
    return jdbc.update(
            "claim the tier review",
            """
            insert into tiers.tier_review_run (period_end, qualification_period, started_at)
            values (?, ?, now())
            on conflict (period_end) do nothing""",
            (c, ps) -> {
              ps.setDate(1, Date.valueOf(periodEnd));
              ps.setString(2, period);
            })
        == 1;
  }

  /**
   * Reviews every non-lifetime status above the base tier that ends on or before {@code periodEnd};
   * returns the moves per (from, to), kept tiers included. Takes an EXCLUSIVE lock on {@code
   * member_tier} first (reads go on; upgrades and overrides wait), so the review and a posting's
   * upgrade cannot deadlock on each other's rows, and the row versions the statement reads are
   * still the current ones when it updates them by {@code ctid}.
   *
   * <p>One statement, one pass over the statuses (ADR 0015): the reviewed statuses are joined to
   * their months and grouped by member, and the counters come from the covering primary key of
   * {@code qualifying_month} alone (index-only). The planner picks the join by the number of
   * statuses under review: per member index look-ups when few are, one merge of the two ordered
   * indexes when most are (no hash, no sort). The update finds its rows by {@code ctid} (no second
   * look-up by member number) and is a HOT update (fillfactor 50: no index entry), and only moves
   * write history.
   */
  @Override
  public List<Move> review(TierProgram program, LocalDate periodEnd, LocalDate newValidUntil) {
    jdbc.update(
        "lock member tiers for the review",
        "lock table tiers.member_tier in exclusive mode",
        (c, ps) -> {});
    // a one-off statement over many rows: JIT compilation costs more than it saves here, and the
    // materialised list of reviewed members should stay in memory, not in a temporary file
    jdbc.update("review session settings", "set local jit = off", (c, ps) -> {});
    jdbc.update("review session settings", "set local work_mem = '64MB'", (c, ps) -> {});
    List<TierDefinition> periodic = program.tiers().stream().filter(t -> !t.lifetime()).toList();
    // rank index (1 = base) of what the period's activity reaches: highest tier first
    StringBuilder reached = new StringBuilder("case");
    for (int i = periodic.size() - 1; i >= 1; i--) {
      reached
          .append(" when coalesce(w.qm, 0) >= ? or coalesce(w.qf, 0) >= ?")
          .append(periodic.get(i).spendThreshold() == null ? "" : " or coalesce(w.qs, 0) >= ?")
          .append(" then ")
          .append(i + 1);
    }
    reached.append(" else 1 end");
    String sql =
        """
        with w as (
          select t.ctid tid, t.member_number, t.tier_code from_code,
            sum(m.qualifying_miles) qm, sum(m.qualifying_flights) qf%1$s
          from tiers.member_tier t left join tiers.qualifying_month m
            on m.member_number = t.member_number and m.month between ? and ?
          where t.valid_until <= ? and t.tier_code = any(?::varchar[])
          group by t.member_number),
        c as (
          select tid, member_number, from_code,
            array_position(?::varchar[], from_code::varchar) cur, %2$s q
          from w),
        d as (
          select tid, member_number, from_code,
            (?::varchar[])[case when q >= cur then q else greatest(q, cur - ?, 1) end] to_code
          from c),
        u as (
          update tiers.member_tier t set tier_code = d.to_code,
            valid_until = case when d.to_code = ? then null else ?::date end
          from d where t.ctid = d.tid),
        h as (
          insert into tiers.tier_history
            (member_number, from_tier, to_tier, source, reason, valid_until)
          select member_number, from_code, to_code, 'REVIEW', ?,
            case when to_code = ? then null else ?::date end
          from d where to_code <> from_code)
        select from_code, to_code, count(*) members from d group by from_code, to_code
        order by from_code, to_code"""
            .formatted(
                // spend is summed only when a tier in force counts it
                program.countsSpend() ? ", sum(m.qualifying_spend) qs" : "", reached);
    String[] codes = periodic.stream().map(TierDefinition::code).toArray(String[]::new);
    String[] reviewable =
        periodic.stream().skip(1).map(TierDefinition::code).toArray(String[]::new);
    String base = program.base().code();
    return jdbc.list(
        "review member tiers",
        sql,
        (c, ps) -> {
          int i = 1;
          ps.setDate(i++, Date.valueOf(program.period().firstMonth(periodEnd).atDay(1)));
          ps.setDate(i++, Date.valueOf(program.period().lastMonth(periodEnd).atDay(1)));
          ps.setDate(i++, Date.valueOf(periodEnd));
          ps.setArray(i++, c.createArrayOf("varchar", reviewable));
          ps.setArray(i++, c.createArrayOf("varchar", codes));
          for (int k = periodic.size() - 1; k >= 1; k--) {
            ps.setLong(i++, periodic.get(k).milesThreshold());
            ps.setBigDecimal(i++, periodic.get(k).flightsThreshold());
            if (periodic.get(k).spendThreshold() != null) {
              ps.setBigDecimal(i++, periodic.get(k).spendThreshold());
            }
          }
          ps.setArray(i++, c.createArrayOf("varchar", codes));
          ps.setInt(i++, program.reviewDropTiers());
          i = bindUntil(ps, i, base, newValidUntil);
          ps.setString(i++, "review of the period ending " + periodEnd);
          bindUntil(ps, i, base, newValidUntil);
        },
        rs -> new Move(rs.getString("from_code"), rs.getString("to_code"), rs.getLong("members")));
  }

  private static int bindUntil(PreparedStatement ps, int i, String base, LocalDate until)
      throws SQLException {
    ps.setString(i, base);
    ps.setDate(i + 1, Date.valueOf(until));
    return i + 2;
  }

  /** Records the run's moves and totals. */
  @Override
  public void complete(LocalDate periodEnd, List<Move> moves) {
    for (Move m : moves) {
      jdbc.update(
          "record a review move",
          """
          insert into tiers.tier_review_move (period_end, from_tier, to_tier, members)
          values (?, ?, ?, ?)""",
          (c, ps) -> {
            ps.setDate(1, Date.valueOf(periodEnd));
            ps.setString(2, m.fromTier());
            ps.setString(3, m.toTier());
            ps.setLong(4, m.members());
          });
    }
    long reviewed = moves.stream().mapToLong(Move::members).sum();
    long moved =
        moves.stream().filter(m -> !m.fromTier().equals(m.toTier())).mapToLong(Move::members).sum();
    jdbc.update(
        "complete the tier review",
        """
        update tiers.tier_review_run set finished_at = clock_timestamp(), reviewed = ?, moved = ?
        where period_end = ?""",
        (c, ps) -> {
          ps.setLong(1, reviewed);
          ps.setLong(2, moved);
          ps.setDate(3, Date.valueOf(periodEnd));
        });
  }

  /** The recorded run of {@code periodEnd}, or of the latest period end when null. */
  @Override
  public Optional<TierReviewSummary> summary(LocalDate periodEnd, String outcome) {
    Optional<TierReviewSummary> run =
        jdbc.first(
            "read a tier review run",
            """
            select period_end, qualification_period, reviewed, moved, started_at, finished_at
            from tiers.tier_review_run where finished_at is not null and %s
            order by period_end desc limit 1"""
                .formatted(periodEnd == null ? "true" : "period_end = ?"),
            (c, ps) -> {
              if (periodEnd != null) {
                ps.setDate(1, Date.valueOf(periodEnd));
              }
            },
            rs ->
                new TierReviewSummary(
                    rs.getDate("period_end").toLocalDate(),
                    rs.getString("qualification_period"),
                    outcome,
                    rs.getLong("reviewed"),
                    rs.getLong("moved"),
                    List.of(),
                    rs.getTimestamp("started_at").toInstant(),
                    rs.getTimestamp("finished_at").toInstant()));
    return run.map(
        r ->
            new TierReviewSummary(
                r.periodEnd(),
                r.qualificationPeriod(),
                r.outcome(),
                r.reviewed(),
                r.moved(),
                new ArrayList<>(
                    jdbc.list(
                        "read review moves",
                        """
                        select from_tier, to_tier, members from tiers.tier_review_move
                        where period_end = ? order by from_tier, to_tier""",
                        (c, ps) -> ps.setDate(1, Date.valueOf(r.periodEnd())),
                        rs ->
                            new Move(
                                rs.getString("from_tier"),
                                rs.getString("to_tier"),
                                rs.getLong("members")))),
                r.startedAt(),
                r.finishedAt()));
  }
}
