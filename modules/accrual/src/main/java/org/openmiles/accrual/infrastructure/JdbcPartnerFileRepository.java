package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.openmiles.accrual.api.FileRegistration;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.accrual.api.PartnerFileView;
import org.openmiles.accrual.domain.PartnerFileRepository;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.text.Texts;

/** Inbound files in {@code accrual.inbound_file}, one row per file content of a feed. */
@ApplicationScoped
public class JdbcPartnerFileRepository implements PartnerFileRepository {
  private static final int REASON_LENGTH = 500;

  @Inject Jdbc jdbc;

  @Override
  public FileRegistration registerFile(String partner, String name, String checksum, Instant now) {
    return registerFile(partner, "PARTNER_ACTIVITY", name, checksum, now);
  }

  @Override
  public FileRegistration registerFile(
      String partner, String feed, String name, String checksum, Instant now) {
    String what = "register file " + name;
    var created =
        jdbc.first(
            what,
            """
            insert into accrual.inbound_file (partner_code, feed, file_name, checksum, status,
                                              received_at)
            values (?, ?, ?, ?, 'PROCESSING', ?)
            on conflict (partner_code, feed, checksum) do nothing returning id""",
            (c, ps) -> {
              ps.setString(1, partner);
              ps.setString(2, feed);
              ps.setString(3, name);
              ps.setString(4, checksum);
              ps.setTimestamp(5, Timestamp.from(now));
            },
            rs -> rs.getLong("id"));
    if (created.isPresent()) {
      return new FileRegistration(created.get(), FileRegistration.Status.NEW, 0);
    }
    Earlier earlier =
        jdbc.first(
                what,
                """
                select id, status from accrual.inbound_file
                 where partner_code = ? and feed = ? and checksum = ? for update""",
                (c, ps) -> {
                  ps.setString(1, partner);
                  ps.setString(2, feed);
                  ps.setString(3, checksum);
                },
                rs -> new Earlier(rs.getLong("id"), rs.getString("status")))
            .orElseThrow();
    long id = earlier.id();
    if ("FAILED".equals(earlier.status())) {
      jdbc.update(
          what,
          """
          update accrual.inbound_file set status = 'PROCESSING', reason = null,
                 completed_at = null
           where id = ?""",
          (c, ps) -> ps.setLong(1, id));
    }
    return "PROCESSING".equals(earlier.status()) || "FAILED".equals(earlier.status())
        ? new FileRegistration(id, FileRegistration.Status.RESUMED, id)
        : new FileRegistration(0, FileRegistration.Status.DUPLICATE, id);
  }

  /** The run that registered the same content before. */
  private record Earlier(long id, String status) {}

  @Override
  public List<PartnerFileView> recentFiles(String partner, int limit) {
    return jdbc.list(
        "list files of " + partner,
        """
        select id, partner_code, file_name, status, reason, record_count, accepted, duplicates,
               parked, rejected, miles_issued, received_at, completed_at, reversed, miles_reversed
          from accrual.inbound_file
         where partner_code = ? order by id desc limit ?""",
        (c, ps) -> {
          ps.setString(1, partner);
          ps.setInt(2, limit);
        },
        rs -> {
          int records = rs.getInt("record_count");
          Integer rec = rs.wasNull() ? null : records;
          Timestamp done = rs.getTimestamp("completed_at");
          return new PartnerFileView(
              rs.getLong("id"),
              rs.getString("partner_code"),
              rs.getString("file_name"),
              rs.getString("status"),
              rs.getString("reason"),
              rec,
              rs.getInt("accepted"),
              rs.getInt("duplicates"),
              rs.getInt("parked"),
              rs.getInt("rejected"),
              rs.getLong("miles_issued"),
              rs.getInt("reversed"),
              rs.getLong("miles_reversed"),
              rs.getTimestamp("received_at").toInstant(),
              done == null ? null : done.toInstant());
        });
  }

  @Override
  public void completeFile(long fileId, FileSummary s, Instant now) {
    jdbc.update(
        "complete file " + fileId,
        """
        update accrual.inbound_file set status = 'DONE', record_count = ?, accepted = ?,
               duplicates = ?, parked = ?, rejected = ?, miles_issued = ?, completed_at = ?,
               reversed = ?, miles_reversed = ?
         where id = ?""",
        (c, ps) -> {
          ps.setInt(1, s.records());
          ps.setInt(2, s.accepted());
          ps.setInt(3, s.duplicates());
          ps.setInt(4, s.parked());
          ps.setInt(5, s.rejected());
          ps.setLong(6, s.milesIssued());
          ps.setTimestamp(7, Timestamp.from(now));
          ps.setInt(8, s.reversed());
          ps.setLong(9, s.milesReversed());
          ps.setLong(10, fileId);
        });
  }

  @Override
  public void rejectFile(long fileId, String reason, int records, Instant now) {
    jdbc.update(
        "reject file " + fileId,
        """
        update accrual.inbound_file set status = 'REJECTED', reason = ?, record_count = ?,
               completed_at = ?
         where id = ?""",
        (c, ps) -> {
          ps.setString(1, Texts.truncate(reason, REASON_LENGTH));
          ps.setInt(2, records);
          ps.setTimestamp(3, Timestamp.from(now));
          ps.setLong(4, fileId);
        });
  }

  @Override
  public void failFile(long fileId, String reason, Instant now) {
    jdbc.update(
        "mark file " + fileId + " failed",
        """
        update accrual.inbound_file set status = 'FAILED', reason = ?, completed_at = ?
         where id = ? and status = 'PROCESSING'""",
        (c, ps) -> {
          ps.setString(1, Texts.truncate(reason, REASON_LENGTH));
          ps.setTimestamp(2, Timestamp.from(now));
          ps.setLong(3, fileId);
        });
  }
}
