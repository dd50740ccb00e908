package org.openmiles.retention.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.retention.api.ChurnRiskPage;
import org.openmiles.retention.api.ChurnRiskQuery;
import org.openmiles.retention.api.MemberScoreView;
import org.openmiles.retention.api.ModelFitView;
import org.openmiles.retention.api.MovementMembersPage;
import org.openmiles.retention.api.SegmentMovement;
import org.openmiles.retention.domain.ScoreQueries;

/** Reads of the stored scores, each one query (two for a page: its rows and its total). */
@ApplicationScoped
public class JdbcScoreQueries implements ScoreQueries {

  @Inject Jdbc jdbc;

  @Override
  public List<Segment> segments() {
    return jdbc.list(
        "count the segments",
        """
        select segment, count(*), sum(monetary), round(avg(clv), 2)
          from retention.member_score group by segment""",
        (c, ps) -> {},
        rs ->
            new Segment(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
  }

  @Override
  public Optional<MemberScoreView> member(String member) {
    List<MemberScoreView.Reason> reasons =
        jdbc.list(
            "read a member's churn reasons",
            "select code, reason from retention.member_churn_reason where member_number = ?"
                + " order by code",
            (c, ps) -> ps.setString(1, member),
            rs -> new MemberScoreView.Reason(rs.getString(1), rs.getString(2)));
    return jdbc.first(
        "read a member's scores",
        "select * from retention.member_score where member_number = ?",
        (c, ps) -> ps.setString(1, member),
        rs ->
            new MemberScoreView(
                rs.getString("member_number"),
                rs.getDate("as_of").toLocalDate(),
                rs.getLong("run_id"),
                rs.getTimestamp("scored_at").toInstant(),
                rs.getString("segment"),
                rs.getDate("first_activity").toLocalDate(),
                rs.getDate("last_activity").toLocalDate(),
                rs.getInt("recency_days"),
                rs.getInt("frequency"),
                rs.getBigDecimal("monetary"),
                rs.getInt("r_score"),
                rs.getInt("f_score"),
                rs.getInt("m_score"),
                rs.getDouble("p_alive"),
                rs.getDouble("expected_days_12m"),
                rs.getBigDecimal("expected_value"),
                rs.getBigDecimal("clv"),
                rs.getString("tier_code"),
                rs.getBoolean("churn_risk"),
                reasons));
  }

  @Override
  public ChurnRiskPage churnRisk(ChurnRiskQuery q) {
    String where =
        " from retention.member_score where churn_risk"
            + (q.segment() == null ? "" : " and segment = ?")
            + (q.tier() == null ? "" : " and tier_code = ?")
            + (q.minClv() == null ? "" : " and clv >= ?");
    Jdbc.Binder filters =
        (c, ps) -> {
          int i = 1;
          if (q.segment() != null) {
            ps.setString(i++, q.segment());
          }
          if (q.tier() != null) {
            ps.setString(i++, q.tier());
          }
          if (q.minClv() != null) {
            ps.setBigDecimal(i++, q.minClv());
          }
        };
    long total =
        jdbc.first(
                "count the members at risk",
                "select count(*)" + where,
                filters,
                rs -> rs.getLong(1))
            .orElse(0L);
    int filterCount =
        (q.segment() == null ? 0 : 1) + (q.tier() == null ? 0 : 1) + (q.minClv() == null ? 0 : 1);
    List<ChurnRiskPage.Item> items =
        jdbc.list(
            "list the members at risk",
            "select member_number, segment, tier_code, p_alive, clv, recency_days, churn_codes"
                + where
                + " order by clv desc nulls last, member_number limit ? offset ?",
            (c, ps) -> {
              filters.bind(c, ps);
              ps.setInt(filterCount + 1, q.limit());
              ps.setInt(filterCount + 2, q.offset());
            },
            rs ->
                new ChurnRiskPage.Item(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getDouble(4),
                    rs.getBigDecimal(5),
                    rs.getInt(6),
                    codes(rs.getString(7))));
    return new ChurnRiskPage(total, q.limit(), q.offset(), items);
  }

  private static List<String> codes(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  @Override
  public List<SegmentMovement> movements(LocalDate from, LocalDate to) {
    return jdbc.list(
        "count the segment movements",
        """
        select from_segment, to_segment, count(*)
          from retention.segment_history
         where changed_on between ? and ? and from_segment is not null
         group by from_segment, to_segment
         order by count(*) desc, from_segment, to_segment""",
        (c, ps) -> {
          ps.setDate(1, Date.valueOf(from));
          ps.setDate(2, Date.valueOf(to));
        },
        rs -> new SegmentMovement(rs.getString(1), rs.getString(2), rs.getLong(3)));
  }

  @Override
  public MovementMembersPage movementMembers(
      LocalDate from, LocalDate to, String fromSegment, String toSegment, int limit, int offset) {
    String where =
        " from retention.segment_history h"
            + " left join retention.member_score s on s.member_number = h.member_number"
            + " where h.changed_on between ? and ? and h.from_segment = ? and h.to_segment = ?";
    Jdbc.Binder binds =
        (c, ps) -> {
          ps.setDate(1, Date.valueOf(from));
          ps.setDate(2, Date.valueOf(to));
          ps.setString(3, fromSegment);
          ps.setString(4, toSegment);
        };
    long total =
        jdbc.first(
                "count a movement's members", "select count(*)" + where, binds, rs -> rs.getLong(1))
            .orElse(0L);
    List<MovementMembersPage.Item> items =
        jdbc.list(
            "list a movement's members",
            "select h.member_number, h.changed_on, s.segment, s.clv"
                + where
                + " order by h.member_number, h.changed_on limit ? offset ?",
            (c, ps) -> {
              binds.bind(c, ps);
              ps.setInt(5, limit);
              ps.setInt(6, offset);
            },
            rs ->
                new MovementMembersPage.Item(
                    rs.getString(1),
                    rs.getDate(2).toLocalDate(),
                    rs.getString(3),
                    rs.getBigDecimal(4)));
    return new MovementMembersPage(fromSegment, toSegment, total, limit, offset, items);
  }

  @Override
  public List<ModelFitView> fits(int limit) {
    return jdbc.list(
        "read the model fits",
        """
        select fit_id, run_id, kind, parameters, log_likelihood, members, distinct_rows, as_of,
               cohort, fitted_at, duration_ms
          from retention.model_fit order by fit_id desc limit ?""",
        (c, ps) -> ps.setInt(1, limit),
        JdbcScoreQueries::fit);
  }

  /** A fit's parameters, stored as a JSON object of name: number. */
  static Map<String, Double> parameters(String json) {
    Map<String, Double> parameters = new LinkedHashMap<>();
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      for (String name : new ArrayList<>(o.keySet())) {
        parameters.put(name, ((JsonNumber) o.get(name)).doubleValue());
      }
    }
    return parameters;
  }

  private static ModelFitView fit(ResultSet rs) throws SQLException {
    Map<String, Double> parameters = parameters(rs.getString("parameters"));
    return new ModelFitView(
        rs.getLong("fit_id"),
        rs.getLong("run_id"),
        rs.getString("kind"),
        parameters,
        rs.getDouble("log_likelihood"),
        rs.getLong("members"),
        rs.getLong("distinct_rows"),
        rs.getDate("as_of").toLocalDate(),
        rs.getString("cohort"),
        rs.getTimestamp("fitted_at").toInstant(),
        rs.getLong("duration_ms"));
  }
}
