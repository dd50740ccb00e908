package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.openmiles.accrual.api.EarnBasis;
import org.openmiles.accrual.api.FileRegistration;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.accrual.api.PartnerActivity;
import org.openmiles.accrual.domain.ActivityReversal;
import org.openmiles.accrual.domain.IssuedMiles;
import org.openmiles.accrual.domain.OriginalActivity;
import org.openmiles.accrual.domain.ParkedActivity;
import org.openmiles.accrual.domain.PartnerActivityRepository;
import org.openmiles.accrual.domain.PartnerEarnRule;
import org.openmiles.accrual.domain.PartnerFileRepository;
import org.openmiles.accrual.domain.StoredActivity;
import org.openmiles.common.jdbc.Jdbc;

/** Partner files, records and earn rules in the {@code accrual} schema. */
@ApplicationScoped
public class JdbcPartnerActivityRepository
    implements PartnerActivityRepository, PartnerFileRepository {

  @Inject DataSource dataSource;

  @Inject Jdbc jdbc;

  public List<String> activePartnerCodes() {
    return jdbc.list(
        "read partners",
        "select code from accrual.partner where active and kind <> 'HOST' order by code",
        (c, ps) -> {},
        rs -> rs.getString(1));
  }

  public List<PartnerEarnRule> earnRules(String partnerCode) {
    return jdbc.list(
        "read the earn rules of " + partnerCode,
        "select basis, miles, per_quantity, currency, max_miles_per_record, effective_from,"
            + " effective_to from accrual.partner_earn_rule where partner_code = ?",
        (c, ps) -> ps.setString(1, partnerCode),
        rs -> {
          long cap = rs.getLong(5);
          Long max = rs.wasNull() ? null : cap; // right after reading column 5, not later
          Date to = rs.getDate(7);
          return new PartnerEarnRule(
              EarnBasis.valueOf(rs.getString(1)),
              rs.getLong(2),
              rs.getBigDecimal(3),
              rs.getString(4),
              max,
              rs.getDate(6).toLocalDate(),
              to == null ? null : to.toLocalDate());
        });
  }

  /**
   * Registers a file by content. A checksum seen before is a DUPLICATE, unless that earlier run is
   * still PROCESSING (it was interrupted) or FAILED (a fault stopped it): then this run RESUMES it
   * under the same id.
   */
  public FileRegistration registerFile(String partner, String name, String checksum, Instant now) {
    return registerFile(partner, "PARTNER_ACTIVITY", name, checksum, now);
  }

  /** Registers a file of a feed ({@code PARTNER_ACTIVITY}, {@code FLOWN_COUPONS}, ...). */
  public FileRegistration registerFile(
      String partner, String feed, String name, String checksum, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into accrual.inbound_file (partner_code, feed, file_name, checksum, status,"
                  + " received_at) values (?, ?, ?, ?, 'PROCESSING', ?)"
                  + " on conflict (partner_code, feed, checksum) do nothing returning id")) {
        ps.setString(1, partner);
        ps.setString(2, feed);
        ps.setString(3, name);
        ps.setString(4, checksum);
        ps.setTimestamp(5, Timestamp.from(now));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return new FileRegistration(rs.getLong(1), FileRegistration.Status.NEW, 0);
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id, status from accrual.inbound_file where partner_code = ? and feed = ?"
                  + " and checksum = ? for update")) {
        ps.setString(1, partner);
        ps.setString(2, feed);
        ps.setString(3, checksum);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long id = rs.getLong(1);
          String status = rs.getString(2);
          if ("FAILED".equals(status)) {
            try (PreparedStatement up =
                c.prepareStatement(
                    "update accrual.inbound_file set status = 'PROCESSING', reason = null,"
                        + " completed_at = null where id = ?")) {
              up.setLong(1, id);
              up.executeUpdate();
            }
          }
          return "PROCESSING".equals(status) || "FAILED".equals(status)
              ? new FileRegistration(id, FileRegistration.Status.RESUMED, id)
              : new FileRegistration(0, FileRegistration.Status.DUPLICATE, id);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot register file " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Inserts the records not known yet (set-based); returns the ones that were known before, by
   * partner transaction id.
   */
  public Map<String, StoredActivity> insertActivities(
      long fileId, List<PartnerActivity> records, List<Long> miles, Instant now) {
    Map<String, StoredActivity> known = new HashMap<>();
    if (records.isEmpty()) {
      return known;
    }
    int n = records.size();
    Object[] partner = new Object[n];
    Object[] tx = new Object[n];
    Object[] member = new Object[n];
    Object[] date = new Object[n];
    Object[] basis = new Object[n];
    Object[] qty = new Object[n];
    Object[] cur = new Object[n];
    Object[] m = new Object[n];
    Object[] ref = new Object[n];
    Object[] line = new Object[n];
    for (int i = 0; i < n; i++) {
      PartnerActivity a = records.get(i);
      partner[i] = a.partnerCode();
      tx[i] = a.partnerTxId();
      member[i] = a.member().value();
      date[i] = a.activityDate().toString();
      basis[i] = a.basis().name();
      qty[i] = a.quantity();
      cur[i] = a.currency();
      m[i] = miles.get(i);
      ref[i] = a.ledgerReference();
      line[i] = (int) Math.min(Integer.MAX_VALUE, a.lineNumber());
    }
    String sql =
        "insert into accrual.partner_activity (partner_code, partner_tx_id, member_number,"
            + " activity_date, basis, quantity, currency, miles, status, ledger_ref, file_id, line_no,"
            + " received_at, credited_at) select p, t, mb, d, b, q, c, mi, 'CREDITED', r, ?, l, ?, ? from unnest("
            + "?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::varchar[], ?::numeric[],"
            + " ?::varchar[], ?::bigint[], ?::varchar[], ?::int[]) as x(p, t, mb, d, b, q, c, mi, r, l)"
            + " on conflict (partner_code, partner_tx_id) do nothing returning partner_tx_id";
    Set<String> inserted = new HashSet<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, fileId);
        ps.setTimestamp(2, Timestamp.from(now));
        ps.setTimestamp(3, Timestamp.from(now));
        ps.setArray(4, Jdbc.array(c, "varchar", partner));
        ps.setArray(5, Jdbc.array(c, "varchar", tx));
        ps.setArray(6, Jdbc.array(c, "varchar", member));
        ps.setArray(7, Jdbc.array(c, "varchar", date));
        ps.setArray(8, Jdbc.array(c, "varchar", basis));
        ps.setArray(9, Jdbc.array(c, "numeric", qty));
        ps.setArray(10, Jdbc.array(c, "varchar", cur));
        ps.setArray(11, Jdbc.array(c, "bigint", m));
        ps.setArray(12, Jdbc.array(c, "varchar", ref));
        ps.setArray(13, Jdbc.array(c, "integer", line));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            inserted.add(rs.getString(1));
          }
        }
      }
      List<Object> missing = new ArrayList<>();
      for (Object t : tx) {
        if (!inserted.contains((String) t)) {
          missing.add(t);
        }
      }
      if (!missing.isEmpty()) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "select partner_tx_id, coalesce(file_id, 0), coalesce(line_no, 0), miles, status"
                    + " from accrual.partner_activity"
                    + " where partner_code = ? and partner_tx_id = any(?)")) {
          ps.setString(1, records.get(0).partnerCode());
          ps.setArray(2, Jdbc.array(c, "varchar", missing.toArray()));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              known.put(
                  rs.getString(1),
                  new StoredActivity(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record partner activity: " + e.getMessage(), e);
    }
    return known;
  }

  /** The member's parked records received after {@code since}, locked against a concurrent run. */
  public List<ParkedActivity> parkedFor(String member, Instant since) {
    return jdbc.list(
        "read parked activity of " + member,
        "select partner_code, partner_tx_id, activity_date, miles, ledger_ref, basis, quantity,"
            + " currency from accrual.partner_activity where member_number = ? and status = 'PARKED'"
            + " and received_at >= ? order by partner_code, partner_tx_id for update",
        (c, ps) -> {
          ps.setString(1, member);
          ps.setTimestamp(2, Timestamp.from(since));
        },
        rs ->
            new ParkedActivity(
                rs.getString(1),
                rs.getString(2),
                rs.getDate(3).toLocalDate(),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBigDecimal(7),
                rs.getString(8)));
  }

  public void markCredited(String partner, List<String> txIds) {
    updateByTx(
        "update accrual.partner_activity set status = 'CREDITED', reason_code = null,"
            + " credited_at = now()"
            + " where partner_code = ? and partner_tx_id = any(?)",
        partner,
        txIds);
  }

  public void markParked(String partner, List<String> txIds) {
    updateByTx(
        "update accrual.partner_activity set status = 'PARKED', credited_at = null,"
            + " reason_code = 'MEMBER_NOT_ENROLLED' where partner_code = ? and partner_tx_id = any(?)",
        partner,
        txIds);
  }

  /** Forgets refused records, so that a corrected re-send is not mistaken for a duplicate. */
  public void forget(String partner, List<String> txIds) {
    updateByTx(
        "delete from accrual.partner_activity where partner_code = ? and partner_tx_id = any(?)",
        partner,
        txIds);
  }

  private void updateByTx(String sql, String partner, List<String> txIds) {
    if (txIds.isEmpty()) {
      return;
    }
    jdbc.update(
        "update partner activity",
        sql,
        (c, ps) -> {
          ps.setString(1, partner);
          ps.setArray(2, Jdbc.array(c, "varchar", txIds.toArray()));
        });
  }

  /**
   * The records of {@code partner} with these transaction ids, locked until the transaction ends
   * (in transaction id order, like every row lock on this table), so that a reversal and a
   * concurrent enrollment or reversal of the same record run one after the other.
   */
  public Map<String, OriginalActivity> lockForReversal(String partner, List<String> txIds) {
    Map<String, OriginalActivity> out = new HashMap<>();
    jdbc.list(
            "lock partner records to reverse",
            "select partner_tx_id, member_number, activity_date, basis, quantity, currency, miles,"
                + " status, coalesce(file_id, 0), coalesce(line_no, 0),"
                + " coalesce(reversed_file_id, 0), coalesce(reversed_line_no, 0),"
                + " coalesce(miles_reversed, 0) from accrual.partner_activity"
                + " where partner_code = ? and partner_tx_id = any(?)"
                + " order by partner_tx_id for update",
            (c, ps) -> {
              ps.setString(1, partner);
              ps.setArray(2, Jdbc.array(c, "varchar", txIds.toArray()));
            },
            rs ->
                new OriginalActivity(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getDate(3).toLocalDate(),
                    rs.getString(4),
                    rs.getBigDecimal(5),
                    rs.getString(6),
                    rs.getLong(7),
                    rs.getString(8),
                    rs.getLong(9),
                    rs.getLong(10),
                    rs.getLong(11),
                    rs.getLong(12),
                    rs.getLong(13)))
        .forEach(o -> out.put(o.txId(), o));
    return out;
  }

  /** Marks records reversed or cancelled (one statement for a chunk's reversals). */
  public void markReversed(String partner, List<ActivityReversal> reversals, Instant now) {
    if (reversals.isEmpty()) {
      return;
    }
    Object[][] cols =
        Jdbc.columns(
            reversals,
            6,
            r ->
                new Object[] {
                  r.txId(),
                  r.status(),
                  r.miles(),
                  r.bonusMiles(),
                  r.fileId(),
                  (int) Math.min(Integer.MAX_VALUE, r.lineNo())
                });
    jdbc.update(
        "reverse partner records",
        "update accrual.partner_activity a set status = x.s, reversed_at = ?,"
            + " miles_reversed = x.m, bonus_reversed = x.b, reversed_file_id = x.f,"
            + " reversed_line_no = x.l from unnest(?::varchar[], ?::varchar[], ?::bigint[],"
            + " ?::bigint[], ?::bigint[], ?::int[]) as x(t, s, m, b, f, l)"
            + " where a.partner_code = ? and a.partner_tx_id = x.t",
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(now));
          ps.setArray(2, Jdbc.array(c, "varchar", cols[0]));
          ps.setArray(3, Jdbc.array(c, "varchar", cols[1]));
          ps.setArray(4, Jdbc.array(c, "bigint", cols[2]));
          ps.setArray(5, Jdbc.array(c, "bigint", cols[3]));
          ps.setArray(6, Jdbc.array(c, "bigint", cols[4]));
          ps.setArray(7, Jdbc.array(c, "integer", cols[5]));
          ps.setString(8, partner);
        });
  }

  public java.util.Optional<IssuedMiles> issued(
      String partner, Instant from, Instant to, java.time.LocalDate priceDate) {
    // credited_at is set exactly for records whose miles were issued (CREDITED, or REVERSED later);
    // reversed_at for records reversed (or, with 0 miles, parked records cancelled)
    String sql =
        "select i.n, i.m, r.n, r.m, pr.price_per_mile, pr.currency from accrual.partner p"
            + " cross join (select count(*) n, coalesce(sum(miles), 0) m"
            + "   from accrual.partner_activity a where a.partner_code = ?"
            + "   and a.credited_at >= ? and a.credited_at < ?) i"
            + " cross join (select count(*) filter (where status = 'REVERSED') n,"
            + "   coalesce(sum(miles_reversed), 0) m from accrual.partner_activity a"
            + "   where a.partner_code = ? and a.reversed_at >= ? and a.reversed_at < ?) r"
            + " left join accrual.partner_mile_price pr on pr.partner_code = p.code"
            + "   and pr.effective_from <= ? and (pr.effective_to is null or pr.effective_to > ?)"
            + " where p.code = ? order by pr.effective_from desc nulls last limit 1";
    return jdbc.first(
        "compute the settlement of " + partner,
        sql,
        (c, ps) -> {
          ps.setString(1, partner);
          ps.setTimestamp(2, Timestamp.from(from));
          ps.setTimestamp(3, Timestamp.from(to));
          ps.setString(4, partner);
          ps.setTimestamp(5, Timestamp.from(from));
          ps.setTimestamp(6, Timestamp.from(to));
          ps.setDate(7, Date.valueOf(priceDate));
          ps.setDate(8, Date.valueOf(priceDate));
          ps.setString(9, partner);
        },
        rs ->
            new IssuedMiles(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getBigDecimal(5),
                rs.getString(6)));
  }

  public List<org.openmiles.accrual.api.PartnerFileView> recentFiles(String partner, int limit) {
    return jdbc.list(
        "list files of " + partner,
        "select id, partner_code, file_name, status, reason, record_count, accepted, duplicates,"
            + " parked, rejected, miles_issued, received_at, completed_at, reversed, miles_reversed"
            + " from accrual.inbound_file"
            + " where partner_code = ? order by id desc limit ?",
        (c, ps) -> {
          ps.setString(1, partner);
          ps.setInt(2, limit);
        },
        rs -> {
          int records = rs.getInt(6);
          Integer rec = rs.wasNull() ? null : records;
          Timestamp done = rs.getTimestamp(13);
          return new org.openmiles.accrual.api.PartnerFileView(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rec,
              rs.getInt(7),
              rs.getInt(8),
              rs.getInt(9),
              rs.getInt(10),
              rs.getLong(11),
              rs.getInt(14),
              rs.getLong(15),
              rs.getTimestamp(12).toInstant(),
              done == null ? null : done.toInstant());
        });
  }

  public void completeFile(long fileId, FileSummary s, Instant now) {
    jdbc.update(
        "complete file " + fileId,
        "update accrual.inbound_file set status = 'DONE', record_count = ?, accepted = ?,"
            + " duplicates = ?, parked = ?, rejected = ?, miles_issued = ?, completed_at = ?,"
            + " reversed = ?, miles_reversed = ? where id = ?",
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

  public void rejectFile(long fileId, String reason, int records, Instant now) {
    jdbc.update(
        "reject file " + fileId,
        "update accrual.inbound_file set status = 'REJECTED', reason = ?, record_count = ?,"
            + " completed_at = ? where id = ?",
        (c, ps) -> {
          ps.setString(1, reason.length() > 500 ? reason.substring(0, 500) : reason);
          ps.setInt(2, records);
          ps.setTimestamp(3, Timestamp.from(now));
          ps.setLong(4, fileId);
        });
  }

  /** Marks a file that a fault stopped as FAILED, with the reason (kept from a later resume). */
  public void failFile(long fileId, String reason, Instant now) {
    jdbc.update(
        "mark file " + fileId + " failed",
        "update accrual.inbound_file set status = 'FAILED', reason = ?, completed_at = ?"
            + " where id = ? and status = 'PROCESSING'",
        (c, ps) -> {
          ps.setString(1, reason.length() > 500 ? reason.substring(0, 500) : reason);
          ps.setTimestamp(2, Timestamp.from(now));
          ps.setLong(3, fileId);
        });
  }

  /**
   * Parked records of a partner (for the host airline: coupons parked or kept for a claim), split
   * at {@code cutoff}: received since then they still wait, before it they are past the window.
   */
  public org.openmiles.accrual.api.ParkedReport parked(
      String partner, int parkDays, Instant cutoff, int limit) {
    boolean host =
        jdbc.first(
                "read partner " + partner,
                "select kind = 'HOST' from accrual.partner where code = ?",
                (c, ps) -> ps.setString(1, partner),
                rs -> rs.getBoolean(1))
            .orElse(false);
    String from =
        host
            ? " from accrual.flown_coupon where state in ('PARKED', 'UNCLAIMED') and ? <> ''"
            : " from accrual.partner_activity where status = 'PARKED' and partner_code = ?";
    String miles = host ? "base_miles" : "miles";
    long[] counts =
        jdbc.first(
                "count parked records of " + partner,
                "select count(*) filter (where received_at >= ?), coalesce(sum("
                    + miles
                    + ") filter (where received_at >= ?), 0), count(*) filter (where received_at < ?),"
                    + " coalesce(sum("
                    + miles
                    + ") filter (where received_at < ?), 0)"
                    + from,
                (c, ps) -> {
                  Timestamp t = Timestamp.from(cutoff);
                  for (int k = 1; k <= 4; k++) {
                    ps.setTimestamp(k, t);
                  }
                  ps.setString(5, partner);
                },
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
            .orElseThrow();
    String items =
        host
            ? "select ticket_number || '/' || coupon_no, member_number, flight_date, base_miles,"
                + " coalesce(reason_code, state), received_at"
            : "select partner_tx_id, member_number, activity_date, miles,"
                + " coalesce(reason_code, 'MEMBER_NOT_ENROLLED'), received_at";
    List<org.openmiles.accrual.api.ParkedReport.Item> oldest =
        jdbc.list(
            "list expired parked records of " + partner,
            items + from + " and received_at < ? order by received_at, file_id, line_no limit ?",
            (c, ps) -> {
              ps.setString(1, partner);
              ps.setTimestamp(2, Timestamp.from(cutoff));
              ps.setInt(3, limit);
            },
            rs ->
                new org.openmiles.accrual.api.ParkedReport.Item(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getDate(3).toLocalDate(),
                    rs.getLong(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()));
    return new org.openmiles.accrual.api.ParkedReport(
        partner, parkDays, counts[0], counts[1], counts[2], counts[3], oldest);
  }
}
