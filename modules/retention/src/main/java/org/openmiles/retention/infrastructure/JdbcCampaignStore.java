package org.openmiles.retention.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.retention.api.CampaignAudienceRow;
import org.openmiles.retention.api.CampaignCount;
import org.openmiles.retention.api.CampaignFileView;
import org.openmiles.retention.api.CampaignRunView;
import org.openmiles.retention.api.CampaignView;
import org.openmiles.retention.api.ConsentSelection;
import org.openmiles.retention.api.SuppressionView;
import org.openmiles.retention.domain.CampaignStore;
import org.openmiles.retention.domain.CampaignWindow;

/**
 * Campaigns in {@code retention.campaign*} (V4). Each campaign's selection is ONE {@code INSERT ...
 * SELECT}: the rule's candidates, joined on the consent rule ({@link ConsentSelection#SQL_RULE}),
 * without suppressed members and members selected within the window, into the campaign outbox,
 * whose unique key (campaign, member, window key) drops whatever a concurrent or repeated selection
 * already added.
 */
@ApplicationScoped
public class JdbcCampaignStore implements CampaignStore {
  /** Each campaign with its rule's version in force on a date (V10): the latest from by then. */
  private static final String CAMPAIGNS_ON =
      """
      select c.code, c.name, v.channel, v.window_days, v.lookback_days, v.offer, c.description,
             v.active
        from retention.campaign c
        join lateral (select * from retention.campaign_version v
                       where v.code = c.code and v.effective_from <= ?
                       order by v.effective_from desc limit 1) v on true""";

  private static final String RUN_COLUMNS =
      "run_id, trigger_kind, state, run_date, started_at, finished_at, node, requested_by,"
          + " selected, message";

  /** A campaign run RUNNING for longer than the stale minutes is taken as abandoned. */
  private static final RunTable RUNS =
      new RunTable(
          "retention.campaign_run", "openmiles-retention-campaigns", "started_at", "running");

  @Inject Jdbc jdbc;

  @Override
  public List<CampaignView> catalogue(LocalDate on) {
    return jdbc.list(
        "read the campaign catalogue",
        CAMPAIGNS_ON + " order by c.code",
        (c, ps) -> ps.setDate(1, Date.valueOf(on)),
        JdbcCampaignStore::campaign);
  }

  @Override
  public Optional<CampaignView> campaign(String code, LocalDate on) {
    return jdbc.first(
        "read a campaign",
        CAMPAIGNS_ON + " where c.code = ?",
        (c, ps) -> {
          ps.setDate(1, Date.valueOf(on));
          ps.setString(2, code);
        },
        JdbcCampaignStore::campaign);
  }

  private static CampaignView campaign(ResultSet rs) throws SQLException {
    int window = rs.getInt("window_days");
    Integer windowDays = rs.wasNull() ? null : window;
    return new CampaignView(
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("channel"),
        windowDays,
        rs.getInt("lookback_days"),
        rs.getString("offer"),
        rs.getString("description"),
        rs.getBoolean("active"));
  }

  @Override
  public OptionalLong claim(
      String trigger, LocalDate runDate, String requestedBy, String node, int staleMinutes) {
    return RUNS.claim(
        jdbc,
        staleMinutes,
        "trigger_kind, state, run_date, node, requested_by",
        "?, 'RUNNING', ?, ?, ?",
        (c, ps) -> {
          ps.setString(1, trigger);
          ps.setDate(2, Date.valueOf(runDate));
          ps.setString(3, node);
          ps.setString(4, requestedBy);
        });
  }

  @Override
  public OptionalLong running() {
    return RUNS.running(jdbc);
  }

  @Override
  public void finish(long runId, String state, String message, Long selected) {
    RUNS.finish(
        jdbc,
        runId,
        state,
        message,
        "selected = ?",
        (ps, i) -> {
          RunTable.setLong(ps, i, selected);
          return i + 1;
        });
    jdbc.update(
        "forget a run's candidates",
        "delete from retention.campaign_candidate where run_id = ?",
        (c, ps) -> ps.setLong(1, runId));
  }

  @Override
  public void addCandidates(long runId, String campaign, List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return;
    }
    jdbc.update(
        "keep campaign candidates",
        """
        insert into retention.campaign_candidate (run_id, campaign_code, member_number, reasons)
        select ?, ?, m, left(r, 1000) from unnest(?::varchar[], ?::varchar[]) as t(m, r)
        on conflict do nothing""",
        (c, ps) -> {
          ps.setLong(1, runId);
          ps.setString(2, campaign);
          ps.setArray(
              3, Jdbc.array(c, "varchar", candidates.stream().map(Candidate::member).toList()));
          ps.setArray(
              4, Jdbc.array(c, "varchar", candidates.stream().map(Candidate::reasons).toList()));
        });
  }

  /** A rule's candidates (member_number, reasons) and the parameters of its SQL, in order. */
  private record Rule(String sql, List<Object> parameters) {}

  private static Rule rule(long runId, CampaignView campaign, LocalDate runDate, long scoringRun) {
    LocalDate since = runDate.minusDays(campaign.lookbackDays());
    return switch (campaign.code()) {
      case "WELCOME" ->
          new Rule(
              """
              select f.member_number, 'enrolled on ' || f.enrolled_on as reasons
                from retention.member_fact f
               where f.enrolled_on > ?""",
              List.of(Date.valueOf(since)));
      case "FIRST_FLIGHT" ->
          new Rule(
              """
              select d.member_number, 'first flight on ' || min(d.activity_date) as reasons
                from retention.member_day d
               where d.activity_date > ? and d.flights > 0
                 and not exists (select 1 from retention.member_day e
                                  where e.member_number = d.member_number
                                    and e.activity_date <= ? and e.flights > 0)
               group by d.member_number""",
              List.of(Date.valueOf(since), Date.valueOf(since)));
      case "BEST_CUSTOMER" ->
          new Rule(
              """
              select h.member_number,
                     'entered Champions from ' || coalesce(h.from_segment, 'no segment') as reasons
                from retention.segment_history h
               where h.run_id = ? and h.to_segment = 'Champions'
                 and h.from_segment is distinct from 'Champions'""",
              List.of(scoringRun));
      case "WIN_BACK" ->
          new Rule(
              """
              select s.member_number, string_agg(r.reason, '; ' order by r.code) as reasons
                from retention.member_score s
                join retention.member_churn_reason r on r.member_number = s.member_number
               where s.churn_risk and s.run_id = ?
               group by s.member_number""",
              List.of(scoringRun));
      default ->
          new Rule(
              """
              select k.member_number, k.reasons
                from retention.campaign_candidate k
               where k.run_id = ? and k.campaign_code = ?""",
              List.of(runId, campaign.code()));
    };
  }

  @Override
  public long select(long runId, CampaignView campaign, LocalDate runDate, long latestScoringRun) {
    CampaignWindow window = new CampaignWindow(campaign.windowDays());
    Rule rule = rule(runId, campaign, runDate, latestScoringRun);
    Optional<LocalDate> after = window.notSelectedAfter(runDate);
    String sql =
        """
        insert into retention.campaign_audience
               (run_id, campaign_code, member_number, window_key, selected_on, channel, segment,
                reasons, offer)
        select ?, ?, candidate.member_number, ?, ?, ?, s.segment,
               left(coalesce(candidate.reasons, ''), 1000), ?
          from (%s) candidate
          %s
          left join retention.member_score s on s.member_number = candidate.member_number
         where not exists (select 1 from retention.campaign_suppression x
                            where x.member_number = candidate.member_number
                              and x.campaign_code in ('ALL', ?))
           and not exists (select 1 from retention.campaign_audience a
                            where a.campaign_code = ? and a.member_number = candidate.member_number
                              %s)
        on conflict (campaign_code, member_number, window_key) do nothing"""
            .formatted(
                rule.sql(),
                ConsentSelection.SQL_RULE,
                after.isPresent() ? "and a.selected_on > ?" : "");
    List<Object> p = new ArrayList<>();
    p.add(runId);
    p.add(campaign.code());
    p.add(window.key(runDate));
    p.add(Date.valueOf(runDate));
    p.add(campaign.channel());
    p.add(campaign.offer());
    p.addAll(rule.parameters());
    p.add(campaign.channel());
    p.add(campaign.code());
    p.add(campaign.code());
    after.ifPresent(d -> p.add(Date.valueOf(d)));
    long added =
        jdbc.update(
            "select the audience of campaign " + campaign.code(), sql, (c, ps) -> bind(ps, p));
    jdbc.update(
        "count the audience of campaign " + campaign.code(),
        """
        insert into retention.campaign_run_count (run_id, campaign_code, selected)
        values (?, ?, ?)
        on conflict (run_id, campaign_code) do update set selected = excluded.selected""",
        (c, ps) -> {
          ps.setLong(1, runId);
          ps.setString(2, campaign.code());
          ps.setLong(3, added);
        });
    return added;
  }

  private static void bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Object v = parameters.get(i);
      if (v instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (v instanceof Date d) {
        ps.setDate(i + 1, d);
      } else {
        ps.setString(i + 1, (String) v);
      }
    }
  }

  @Override
  public List<String> tierCandidates(String channel, int limit) {
    return jdbc.list(
        "pick near-tier candidates",
        """
        select candidate.member_number
          from retention.member_score candidate
          %s
         where not candidate.churn_risk
         order by candidate.monetary desc, candidate.member_number
         limit ?"""
            .formatted(ConsentSelection.SQL_RULE),
        (c, ps) -> {
          ps.setString(1, channel);
          ps.setInt(2, limit);
        },
        rs -> rs.getString(1));
  }

  @Override
  public long latestScoringRun() {
    return jdbc.first(
            "find the latest scoring run",
            "select max(run_id) from retention.score_run where state = 'DONE' and kind = 'SCORE'",
            (c, ps) -> {},
            rs -> rs.getLong(1))
        .orElse(0L);
  }

  @Override
  public List<CampaignRunView> runs(int limit) {
    List<CampaignRunView> bare =
        jdbc.list(
            "read campaign runs",
            "select " + RUN_COLUMNS + " from retention.campaign_run order by run_id desc limit ?",
            (c, ps) -> ps.setInt(1, limit),
            JdbcCampaignStore::run);
    return bare.stream().map(r -> withCounts(r, counts(r.id()))).toList();
  }

  @Override
  public Optional<CampaignRunView> run(long runId) {
    return jdbc.first(
            "read a campaign run",
            "select " + RUN_COLUMNS + " from retention.campaign_run where run_id = ?",
            (c, ps) -> ps.setLong(1, runId),
            JdbcCampaignStore::run)
        .map(r -> withCounts(r, counts(runId)));
  }

  private static CampaignRunView withCounts(CampaignRunView r, List<CampaignCount> counts) {
    return new CampaignRunView(
        r.id(),
        r.trigger(),
        r.state(),
        r.runDate(),
        r.startedAt(),
        r.finishedAt(),
        r.node(),
        r.requestedBy(),
        r.selected(),
        r.message(),
        counts);
  }

  private static CampaignRunView run(ResultSet rs) throws SQLException {
    long selected = rs.getLong("selected");
    Long sel = rs.wasNull() ? null : selected;
    return new CampaignRunView(
        rs.getLong("run_id"),
        rs.getString("trigger_kind"),
        rs.getString("state"),
        rs.getDate("run_date").toLocalDate(),
        rs.getTimestamp("started_at").toInstant(),
        instant(rs.getTimestamp("finished_at")),
        rs.getString("node"),
        rs.getString("requested_by"),
        sel,
        rs.getString("message"),
        List.of());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  @Override
  public List<CampaignCount> counts(long runId) {
    return jdbc.list(
        "read a campaign run's counts",
        """
        select n.campaign_code, k.channel, n.selected, f.file_name, f.row_count, f.state,
               f.attempts, f.error, f.written_at, f.delivered_at
          from retention.campaign_run_count n
          join retention.campaign_run r on r.run_id = n.run_id
          join lateral (select v.channel from retention.campaign_version v
                         where v.code = n.campaign_code and v.effective_from <= r.run_date
                         order by v.effective_from desc limit 1) k on true
          left join retention.campaign_file f
            on f.run_id = n.run_id and f.campaign_code = n.campaign_code
         where n.run_id = ?
         order by n.campaign_code""",
        (c, ps) -> ps.setLong(1, runId),
        rs -> {
          String file = rs.getString("file_name");
          CampaignFileView view =
              file == null
                  ? null
                  : new CampaignFileView(
                      file,
                      rs.getLong("row_count"),
                      rs.getString("state"),
                      rs.getInt("attempts"),
                      rs.getString("error"),
                      instant(rs.getTimestamp("written_at")),
                      instant(rs.getTimestamp("delivered_at")));
          return new CampaignCount(
              rs.getString("campaign_code"), rs.getString("channel"), rs.getLong("selected"), view);
        });
  }

  @Override
  public List<CampaignAudienceRow> audience(long runId, String campaign, long afterId, int limit) {
    return jdbc.list(
        "read a campaign audience",
        """
        select id, member_number, channel, segment, reasons, offer
          from retention.campaign_audience
         where run_id = ? and campaign_code = ? and id > ?
         order by id
         limit ?""",
        (c, ps) -> {
          ps.setLong(1, runId);
          ps.setString(2, campaign);
          ps.setLong(3, afterId);
          ps.setInt(4, limit);
        },
        rs ->
            new CampaignAudienceRow(
                rs.getLong("id"),
                rs.getString("member_number"),
                rs.getString("channel"),
                rs.getString("segment"),
                rs.getString("reasons"),
                rs.getString("offer")));
  }

  @Override
  public List<SuppressionView> suppressions(String member) {
    return jdbc.list(
        "read a member's suppressions",
        """
        select member_number, campaign_code, reason, added_by, added_at
          from retention.campaign_suppression where member_number = ? order by campaign_code""",
        (c, ps) -> ps.setString(1, member),
        JdbcCampaignStore::suppression);
  }

  private static SuppressionView suppression(ResultSet rs) throws SQLException {
    return new SuppressionView(
        rs.getString("member_number"),
        rs.getString("campaign_code"),
        rs.getString("reason"),
        rs.getString("added_by"),
        rs.getTimestamp("added_at").toInstant());
  }

  @Override
  public SuppressionView suppress(String member, String campaign, String reason, String addedBy) {
    return jdbc.first(
            "suppress a member",
            """
            insert into retention.campaign_suppression
                   (member_number, campaign_code, reason, added_by, added_at)
            values (?, ?, ?, ?, now())
            on conflict (member_number, campaign_code)
            do update set reason = excluded.reason, added_by = excluded.added_by,
                          added_at = excluded.added_at
            returning member_number, campaign_code, reason, added_by, added_at""",
            (c, ps) -> {
              ps.setString(1, member);
              ps.setString(2, campaign);
              ps.setString(3, reason);
              ps.setString(4, addedBy);
            },
            JdbcCampaignStore::suppression)
        .orElseThrow();
  }

  @Override
  public boolean lift(String member, String campaign) {
    return jdbc.update(
            "lift a suppression",
            "delete from retention.campaign_suppression where member_number = ? and campaign_code = ?",
            (c, ps) -> {
              ps.setString(1, member);
              ps.setString(2, campaign);
            })
        > 0;
  }

  @Override
  public void fileWritten(long runId, String campaign, String fileName, long rows) {
    jdbc.update(
        "record a campaign file",
        """
        insert into retention.campaign_file
               (run_id, campaign_code, file_name, row_count, state, attempts, written_at)
        values (?, ?, ?, ?, 'WRITTEN', 0, now())
        on conflict (run_id, campaign_code)
        do update set file_name = excluded.file_name, row_count = excluded.row_count,
                      state = 'WRITTEN', attempts = 0, error = null, written_at = now(),
                      delivered_at = null""",
        (c, ps) -> {
          ps.setLong(1, runId);
          ps.setString(2, campaign);
          ps.setString(3, fileName);
          ps.setLong(4, rows);
        });
  }

  @Override
  public void fileDelivery(
      long runId, String campaign, boolean delivered, int attempts, String error) {
    jdbc.update(
        "record a campaign file's delivery",
        """
        update retention.campaign_file
           set state = ?, attempts = ?, error = ?,
               delivered_at = case when ? then now() else delivered_at end
         where run_id = ? and campaign_code = ?""",
        (c, ps) -> {
          ps.setString(1, delivered ? "DELIVERED" : "FAILED");
          ps.setInt(2, attempts);
          ps.setString(
              3, error == null ? null : error.substring(0, Math.min(1000, error.length())));
          ps.setBoolean(4, delivered);
          ps.setLong(5, runId);
          ps.setString(6, campaign);
        });
  }

  @Override
  public void audit(
      long runId, String campaign, String destination, long rows, String principal, String fields) {
    jdbc.update(
        "audit a campaign export",
        """
        insert into retention.campaign_export_audit
               (run_id, campaign_code, destination, row_count, principal, fields, exported_at)
        values (?, ?, ?, ?, ?, ?, now())""",
        (c, ps) -> {
          ps.setLong(1, runId);
          ps.setString(2, campaign);
          ps.setString(3, destination.substring(0, Math.min(500, destination.length())));
          ps.setLong(4, rows);
          ps.setString(5, principal);
          ps.setString(6, fields);
        });
  }
}
