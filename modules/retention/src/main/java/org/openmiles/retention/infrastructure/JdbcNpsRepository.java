package org.openmiles.retention.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.FileRegistration;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.retention.api.NpsAnswerView;
import org.openmiles.retention.api.NpsDimension;
import org.openmiles.retention.api.RecordNpsAnswer;
import org.openmiles.retention.api.Touchpoint;
import org.openmiles.retention.domain.NpsRepository;

/** NPS answers and survey-results files of the retention schema, in plain JDBC. */
@ApplicationScoped
public class JdbcNpsRepository implements NpsRepository {
  /** The scores' table (schema V2); until it exists every member is UNSCORED. */
  static final String SCORES = "retention.member_score";

  @Inject Jdbc jdbc;

  @Override
  public Optional<NpsAnswerView> find(String answerId) {
    return jdbc.first(
        "read an NPS answer",
        """
        select answer_id, member_number, score, comment_text, touchpoint, flight, route, answered_at,
               tier_code, source
          from retention.nps_answer where answer_id = ?""",
        (c, ps) -> ps.setString(1, answerId),
        JdbcNpsRepository::answer);
  }

  @Override
  public List<NpsAnswerView> ofMember(String member, int limit) {
    return jdbc.list(
        "read a member's NPS answers",
        """
        select answer_id, member_number, score, comment_text, touchpoint, flight, route, answered_at,
               tier_code, source
          from retention.nps_answer where member_number = ?
         order by answered_at desc, answer_id limit ?""",
        (c, ps) -> {
          ps.setString(1, member);
          ps.setInt(2, limit);
        },
        JdbcNpsRepository::answer);
  }

  private static NpsAnswerView answer(ResultSet rs) throws SQLException {
    return new NpsAnswerView(
        rs.getString("answer_id"),
        new MemberNumber(rs.getString("member_number")),
        rs.getInt("score"),
        rs.getString("comment_text"),
        Touchpoint.valueOf(rs.getString("touchpoint")),
        rs.getString("flight"),
        rs.getString("route"),
        rs.getTimestamp("answered_at").toInstant(),
        rs.getString("tier_code"),
        rs.getString("source"),
        false);
  }

  @Override
  public boolean insert(RecordNpsAnswer a, String tier, Origin origin, Instant now) {
    return jdbc.update(
            "store an NPS answer",
            """
            insert into retention.nps_answer (answer_id, member_number, score, comment_text,
                   touchpoint, flight, route, answered_at, tier_code, source, file_id, line_no,
                   principal, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (answer_id) do nothing""",
            (c, ps) -> {
              ps.setString(1, a.answerId());
              ps.setString(2, a.member().value());
              ps.setInt(3, a.score());
              ps.setString(4, a.comment());
              ps.setString(5, a.touchpoint().name());
              ps.setString(6, a.flight());
              ps.setString(7, a.route());
              ps.setTimestamp(8, Timestamp.from(a.answeredAt()));
              ps.setString(9, tier);
              ps.setString(10, origin.source());
              ps.setObject(11, origin.fileId(), Types.BIGINT);
              ps.setObject(
                  12, origin.line() == null ? null : origin.line().intValue(), Types.INTEGER);
              ps.setString(13, origin.principal());
              ps.setTimestamp(14, Timestamp.from(now));
            })
        == 1;
  }

  @Override
  public List<GroupCount> counts(NpsDimension by, Instant from, Instant until, ZoneId zone) {
    boolean scored = by == NpsDimension.SEGMENT && scoresExist();
    String key =
        switch (by) {
          case MONTH -> "to_char(a.answered_at at time zone ?, 'YYYY-MM')";
          case TIER -> "coalesce(a.tier_code, 'NONE')";
          case TOUCHPOINT -> "a.touchpoint";
          case ROUTE -> "coalesce(a.route, 'NONE')";
          case SEGMENT -> scored ? "coalesce(s.segment, 'UNSCORED')" : "'UNSCORED'";
        };
    // the segment is the member's current one (member_score holds one row per member)
    String join = scored ? " left join " + SCORES + " s on s.member_number = a.member_number" : "";
    return jdbc.list(
        "count NPS answers by " + by,
        "select "
            + key
            + " as k, count(*) as answers,"
            + " count(*) filter (where a.score >= 9) as promoters,"
            + " count(*) filter (where a.score <= 6) as detractors"
            + " from retention.nps_answer a"
            + join
            + " where a.answered_at >= ? and a.answered_at < ?"
            + " group by 1 order by 1",
        (c, ps) -> {
          int i = 1;
          if (by == NpsDimension.MONTH) {
            ps.setString(i++, zone.getId());
          }
          ps.setTimestamp(i++, Timestamp.from(from));
          ps.setTimestamp(i, Timestamp.from(until));
        },
        rs ->
            new GroupCount(
                rs.getString("k"),
                rs.getLong("answers"),
                rs.getLong("promoters"),
                rs.getLong("detractors")));
  }

  /**
   * Whether the scores' table exists yet: it comes with the scoring job's migration, and NPS by
   * segment must work before and after it does.
   */
  private boolean scoresExist() {
    return jdbc.first(
            "look for the scores' table",
            "select to_regclass(?) is not null",
            (c, ps) -> ps.setString(1, SCORES),
            rs -> rs.getBoolean(1))
        .orElse(false);
  }

  @Override
  public FileRegistration registerFile(String sender, String name, String checksum, Instant now) {
    String what = "register survey file " + name;
    var created =
        jdbc.first(
            what,
            """
            insert into retention.survey_file (sender, file_name, checksum, status, received_at)
            values (?, ?, ?, 'PROCESSING', ?)
            on conflict (sender, checksum) do nothing returning id""",
            (c, ps) -> {
              ps.setString(1, sender);
              ps.setString(2, name);
              ps.setString(3, checksum);
              ps.setTimestamp(4, Timestamp.from(now));
            },
            rs -> rs.getLong("id"));
    if (created.isPresent()) {
      return new FileRegistration(created.get(), FileRegistration.Status.NEW, 0);
    }
    record Earlier(long id, String status) {}
    Earlier earlier =
        jdbc.first(
                what,
                """
                select id, status from retention.survey_file
                 where sender = ? and checksum = ? for update""",
                (c, ps) -> {
                  ps.setString(1, sender);
                  ps.setString(2, checksum);
                },
                rs -> new Earlier(rs.getLong("id"), rs.getString("status")))
            .orElseThrow();
    if ("FAILED".equals(earlier.status())) {
      jdbc.update(
          what,
          """
          update retention.survey_file set status = 'PROCESSING', reason = null,
                 completed_at = null where id = ?""",
          (c, ps) -> ps.setLong(1, earlier.id()));
    }
    return "PROCESSING".equals(earlier.status()) || "FAILED".equals(earlier.status())
        ? new FileRegistration(earlier.id(), FileRegistration.Status.RESUMED, earlier.id())
        : new FileRegistration(0, FileRegistration.Status.DUPLICATE, earlier.id());
  }

  @Override
  public void completeFile(long fileId, FileSummary s, Instant now) {
    jdbc.update(
        "complete survey file " + fileId,
        """
        update retention.survey_file set status = 'DONE', record_count = ?, accepted = ?,
               duplicates = ?, rejected = ?, completed_at = ?
         where id = ?""",
        (c, ps) -> {
          ps.setInt(1, s.records());
          ps.setInt(2, s.accepted());
          ps.setInt(3, s.duplicates());
          ps.setInt(4, s.rejected());
          ps.setTimestamp(5, Timestamp.from(now));
          ps.setLong(6, fileId);
        });
  }

  @Override
  public void rejectFile(long fileId, String reason, int records, Instant now) {
    jdbc.update(
        "reject survey file " + fileId,
        """
        update retention.survey_file set status = 'REJECTED', reason = ?, record_count = ?,
               completed_at = ?
         where id = ?""",
        (c, ps) -> {
          ps.setString(1, truncate(reason));
          ps.setInt(2, records);
          ps.setTimestamp(3, Timestamp.from(now));
          ps.setLong(4, fileId);
        });
  }

  @Override
  public void failFile(long fileId, String reason, Instant now) {
    jdbc.update(
        "fail survey file " + fileId,
        """
        update retention.survey_file set status = 'FAILED', reason = ?, completed_at = ?
         where id = ?""",
        (c, ps) -> {
          ps.setString(1, truncate(reason));
          ps.setTimestamp(2, Timestamp.from(now));
          ps.setLong(3, fileId);
        });
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
  }
}
