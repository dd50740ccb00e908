package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openmiles.accrual.api.EarnBasis;
import org.openmiles.accrual.api.ParkedReport;
import org.openmiles.accrual.api.PartnerActivity;
import org.openmiles.accrual.domain.ActivityFacts;
import org.openmiles.accrual.domain.ActivityReversal;
import org.openmiles.accrual.domain.ActivityStatus;
import org.openmiles.accrual.domain.FileLine;
import org.openmiles.accrual.domain.IssuedMiles;
import org.openmiles.accrual.domain.OriginalActivity;
import org.openmiles.accrual.domain.ParkedActivity;
import org.openmiles.accrual.domain.PartnerActivityRepository;
import org.openmiles.accrual.domain.PartnerEarnRule;
import org.openmiles.accrual.domain.StoredActivity;
import org.openmiles.accrual.domain.StoredReversal;
import org.openmiles.common.jdbc.Jdbc;

/** Partner activity records, partners and their earn rules in the {@code accrual} schema. */
@ApplicationScoped
public class JdbcPartnerActivityRepository implements PartnerActivityRepository {

  @Inject Jdbc jdbc;

  @Override
  public List<String> activePartnerCodes() {
    return jdbc.list(
        "read partners",
        "select code from accrual.partner where active and kind <> 'HOST' order by code",
        (c, ps) -> {},
        rs -> rs.getString("code"));
  }

  @Override
  public List<PartnerEarnRule> earnRules(String partnerCode) {
    return jdbc.list(
        "read the earn rules of " + partnerCode,
        """
        select basis, miles, per_quantity, currency, max_miles_per_record, effective_from,
               effective_to
          from accrual.partner_earn_rule where partner_code = ?""",
        (c, ps) -> ps.setString(1, partnerCode),
        rs -> {
          long cap = rs.getLong("max_miles_per_record");
          Long max = rs.wasNull() ? null : cap; // right after reading the cap, not later
          Date to = rs.getDate("effective_to");
          return new PartnerEarnRule(
              EarnBasis.valueOf(rs.getString("basis")),
              rs.getLong("miles"),
              rs.getBigDecimal("per_quantity"),
              rs.getString("currency"),
              max,
              rs.getDate("effective_from").toLocalDate(),
              to == null ? null : to.toLocalDate());
        });
  }

  @Override
  public String kind(String partnerCode) {
    return jdbc.first(
            "read the kind of partner " + partnerCode,
            "select kind from accrual.partner where code = ?",
            (c, ps) -> ps.setString(1, partnerCode),
            rs -> rs.getString(1))
        .orElseThrow(() -> new IllegalStateException("no partner " + partnerCode));
  }

  /**
   * Inserts the records not known yet (set-based); returns the ones that were known before, by
   * partner transaction id.
   */
  @Override
  public Map<String, StoredActivity> insertActivities(
      long fileId,
      List<PartnerActivity> records,
      List<Long> miles,
      List<LocalDate> ruleFrom,
      Instant now) {
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
    Object[] rule = new Object[n];
    for (int i = 0; i < n; i++) {
      PartnerActivity a = records.get(i);
      partner[i] = a.partnerCode();
      tx[i] = a.partnerTxId();
      member[i] = a.member().value();
      date[i] = a.activityDate().toString();
      basis[i] = a.amount().basis().name();
      qty[i] = a.amount().quantity();
      cur[i] = a.amount().currency();
      m[i] = miles.get(i);
      ref[i] = a.ledgerReference();
      line[i] = (int) Math.min(Integer.MAX_VALUE, a.lineNumber());
      rule[i] = ruleFrom.get(i).toString();
    }
    Set<String> inserted =
        new HashSet<>(
            jdbc.list(
                "record partner activity",
                """
                insert into accrual.partner_activity (partner_code, partner_tx_id, member_number,
                       activity_date, basis, quantity, currency, miles, status, ledger_ref, file_id,
                       line_no, received_at, credited_at, earn_rule_from)
                select p, t, mb, d, b, q, c, mi, 'CREDITED', r, ?, l, ?, ?, rf
                  from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::varchar[],
                              ?::numeric[], ?::varchar[], ?::bigint[], ?::varchar[], ?::int[],
                              ?::date[])
                       as x(p, t, mb, d, b, q, c, mi, r, l, rf)
                on conflict (partner_code, partner_tx_id) do nothing returning partner_tx_id""",
                (c, ps) -> {
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
                  ps.setArray(14, Jdbc.array(c, "varchar", rule));
                },
                rs -> rs.getString("partner_tx_id")));
    List<Object> missing = new ArrayList<>();
    for (Object t : tx) {
      if (!inserted.contains((String) t)) {
        missing.add(t);
      }
    }
    if (missing.isEmpty()) {
      return known;
    }
    jdbc.list(
        "read partner activity received before",
        """
        select partner_tx_id, coalesce(file_id, 0) as file_id, coalesce(line_no, 0) as line_no,
               miles, status
          from accrual.partner_activity
         where partner_code = ? and partner_tx_id = any(?)""",
        (c, ps) -> {
          ps.setString(1, records.get(0).partnerCode());
          ps.setArray(2, Jdbc.array(c, "varchar", missing.toArray()));
        },
        rs ->
            known.put(
                rs.getString("partner_tx_id"),
                new StoredActivity(
                    rs.getLong("file_id"),
                    rs.getLong("line_no"),
                    rs.getLong("miles"),
                    ActivityStatus.valueOf(rs.getString("status")))));
    return known;
  }

  /** The member's parked records received after {@code since}, locked against a concurrent run. */
  @Override
  public List<ParkedActivity> parkedFor(String member, Instant since) {
    return jdbc.list(
        "read parked activity of " + member,
        """
        select partner_code, partner_tx_id, activity_date, miles, ledger_ref, basis, quantity,
               currency
          from accrual.partner_activity
         where member_number = ? and status = 'PARKED' and received_at >= ?
         order by partner_code, partner_tx_id for update""",
        (c, ps) -> {
          ps.setString(1, member);
          ps.setTimestamp(2, Timestamp.from(since));
        },
        rs ->
            new ParkedActivity(
                rs.getString("partner_code"),
                rs.getString("partner_tx_id"),
                rs.getDate("activity_date").toLocalDate(),
                rs.getLong("miles"),
                rs.getString("ledger_ref"),
                rs.getString("basis"),
                rs.getBigDecimal("quantity"),
                rs.getString("currency")));
  }

  @Override
  public void markCredited(String partner, List<String> txIds) {
    updateByTx(
        """
        update accrual.partner_activity set status = 'CREDITED', reason_code = null,
               credited_at = now()
         where partner_code = ? and partner_tx_id = any(?)""",
        partner,
        txIds);
  }

  @Override
  public void markParked(String partner, List<String> txIds) {
    updateByTx(
        """
        update accrual.partner_activity set status = 'PARKED', credited_at = null,
               reason_code = 'MEMBER_NOT_ENROLLED'
         where partner_code = ? and partner_tx_id = any(?)""",
        partner,
        txIds);
  }

  /** Forgets refused records, so that a corrected re-send is not mistaken for a duplicate. */
  @Override
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
  @Override
  public Map<String, OriginalActivity> lockForReversal(String partner, List<String> txIds) {
    Map<String, OriginalActivity> out = new HashMap<>();
    jdbc.list(
            "lock partner records to reverse",
            """
            select partner_tx_id, member_number, activity_date, basis, quantity, currency, miles,
                   status, coalesce(file_id, 0) as file_id, coalesce(line_no, 0) as line_no,
                   coalesce(reversed_file_id, 0) as reversed_file_id,
                   coalesce(reversed_line_no, 0) as reversed_line_no,
                   coalesce(miles_reversed, 0) as miles_reversed
              from accrual.partner_activity
             where partner_code = ? and partner_tx_id = any(?)
             order by partner_tx_id for update""",
            (c, ps) -> {
              ps.setString(1, partner);
              ps.setArray(2, Jdbc.array(c, "varchar", txIds.toArray()));
            },
            rs ->
                new OriginalActivity(
                    rs.getString("partner_tx_id"),
                    new ActivityFacts(
                        rs.getString("member_number"),
                        rs.getDate("activity_date").toLocalDate(),
                        rs.getString("basis"),
                        rs.getBigDecimal("quantity"),
                        rs.getString("currency")),
                    rs.getLong("miles"),
                    ActivityStatus.valueOf(rs.getString("status")),
                    new FileLine(rs.getLong("file_id"), rs.getLong("line_no")),
                    new StoredReversal(
                        new FileLine(
                            rs.getLong("reversed_file_id"), rs.getLong("reversed_line_no")),
                        rs.getLong("miles_reversed"))))
        .forEach(o -> out.put(o.txId(), o));
    return out;
  }

  /** Marks records reversed or cancelled (one statement for a chunk's reversals). */
  @Override
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
                  r.status().name(),
                  r.miles(),
                  r.bonusMiles(),
                  r.fileId(),
                  (int) Math.min(Integer.MAX_VALUE, r.lineNo())
                });
    jdbc.update(
        "reverse partner records",
        """
        update accrual.partner_activity a set status = x.s, reversed_at = ?,
               miles_reversed = x.m, bonus_reversed = x.b, reversed_file_id = x.f,
               reversed_line_no = x.l
          from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[], ?::int[])
               as x(t, s, m, b, f, l)
         where a.partner_code = ? and a.partner_tx_id = x.t""",
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

  @Override
  public Optional<IssuedMiles> issued(
      String partner, Instant from, Instant to, LocalDate priceDate) {
    // credited_at is set exactly for records whose miles were issued (CREDITED, or REVERSED later);
    // reversed_at for records reversed (or, with 0 miles, parked records cancelled)
    return jdbc.first(
        "compute the settlement of " + partner,
        """
        select i.n as records, i.m as miles, r.n as reversals, r.m as miles_reversed,
               pr.price_per_mile, pr.currency
          from accrual.partner p
         cross join (select count(*) n, coalesce(sum(miles), 0) m
                       from accrual.partner_activity a
                      where a.partner_code = ? and a.credited_at >= ? and a.credited_at < ?) i
         cross join (select count(*) filter (where status = 'REVERSED') n,
                            coalesce(sum(miles_reversed), 0) m
                       from accrual.partner_activity a
                      where a.partner_code = ? and a.reversed_at >= ? and a.reversed_at < ?) r
          left join accrual.partner_mile_price pr on pr.partner_code = p.code
                and pr.effective_from <= ? and (pr.effective_to is null or pr.effective_to > ?)
         where p.code = ? order by pr.effective_from desc nulls last limit 1""",
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
                rs.getLong("records"),
                rs.getLong("miles"),
                rs.getLong("reversals"),
                rs.getLong("miles_reversed"),
                rs.getBigDecimal("price_per_mile"),
                rs.getString("currency")));
  }

  /**
   * Parked records of a partner (for the host airline: coupons parked or kept for a claim), split
   * at {@code cutoff}: received since then they still wait, before it they are past the window.
   */
  @Override
  public ParkedReport parked(String partner, int parkDays, Instant cutoff, int limit) {
    boolean host =
        jdbc.first(
                "read partner " + partner,
                "select kind = 'HOST' as host from accrual.partner where code = ?",
                (c, ps) -> ps.setString(1, partner),
                rs -> rs.getBoolean("host"))
            .orElse(false);
    String from =
        host
            ? " from accrual.flown_coupon where state in ('PARKED', 'UNCLAIMED') and ? <> ''"
            : " from accrual.partner_activity where status = 'PARKED' and partner_code = ?";
    String miles = host ? "base_miles" : "miles";
    long[] counts =
        jdbc.first(
                "count parked records of " + partner,
                """
                select count(*) filter (where received_at >= ?) as waiting,
                       coalesce(sum(%1$s) filter (where received_at >= ?), 0) as waiting_miles,
                       count(*) filter (where received_at < ?) as expired,
                       coalesce(sum(%1$s) filter (where received_at < ?), 0) as expired_miles"""
                        .formatted(miles)
                    + from,
                (c, ps) -> {
                  Timestamp t = Timestamp.from(cutoff);
                  for (int k = 1; k <= 4; k++) {
                    ps.setTimestamp(k, t);
                  }
                  ps.setString(5, partner);
                },
                rs ->
                    new long[] {
                      rs.getLong("waiting"),
                      rs.getLong("waiting_miles"),
                      rs.getLong("expired"),
                      rs.getLong("expired_miles")
                    })
            .orElseThrow();
    String items =
        host
            ? """
              select ticket_number || '/' || coupon_no as id, member_number, flight_date as day,
                     base_miles as miles, coalesce(reason_code, state) as reason, received_at"""
            : """
              select partner_tx_id as id, member_number, activity_date as day, miles,
                     coalesce(reason_code, 'MEMBER_NOT_ENROLLED') as reason, received_at""";
    List<ParkedReport.Item> oldest =
        jdbc.list(
            "list expired parked records of " + partner,
            items + from + " and received_at < ? order by received_at, file_id, line_no limit ?",
            (c, ps) -> {
              ps.setString(1, partner);
              ps.setTimestamp(2, Timestamp.from(cutoff));
              ps.setInt(3, limit);
            },
            rs ->
                new ParkedReport.Item(
                    rs.getString("id"),
                    rs.getString("member_number"),
                    rs.getDate("day").toLocalDate(),
                    rs.getLong("miles"),
                    rs.getString("reason"),
                    rs.getTimestamp("received_at").toInstant()));
    return new ParkedReport(partner, parkDays, counts[0], counts[1], counts[2], counts[3], oldest);
  }
}
