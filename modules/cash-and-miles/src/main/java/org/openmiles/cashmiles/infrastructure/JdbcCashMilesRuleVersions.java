package org.openmiles.cashmiles.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openmiles.cashmiles.domain.CashMilesRule;
import org.openmiles.cashmiles.domain.CashMilesRuleVersions;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.time.AirlineZone;
import org.openmiles.program.api.DatedVersion;
import org.openmiles.program.api.Simulation.Group;
import org.openmiles.program.api.SimulationMonths;

/**
 * The versions of {@code cashmiles.mile_value} and {@code cashmiles.cash_miles_rule} with plain
 * SQL: read whole (a handful of rows per key), added with {@code on conflict do nothing} so that
 * two approvals racing for one date write one version, and the mile value replayed on the captured
 * payments in one read-only statement.
 */
@ApplicationScoped
public class JdbcCashMilesRuleVersions implements CashMilesRuleVersions {
  @Inject Jdbc jdbc;
  @Inject AirlineZone airline;

  @Override
  public List<DatedVersion<BigDecimal>> mileValues(String currency) {
    return jdbc.list(
        "read the mile values of " + currency,
        """
        select value_per_mile, effective_from, effective_to, change_id from cashmiles.mile_value
         where currency = ? order by effective_from""",
        (c, ps) -> ps.setString(1, currency),
        rs ->
            new DatedVersion<>(
                rs.getBigDecimal("value_per_mile"),
                rs.getDate("effective_from").toLocalDate(),
                Jdbc.dateOrNull(rs, "effective_to"),
                Jdbc.longOrNull(rs, "change_id")));
  }

  @Override
  public List<DatedVersion<CashMilesRule>> rules() {
    return jdbc.list(
        "read the Cash & Miles rules",
        """
        select min_miles_per_segment, miles_step, max_fare_share_pct, quote_ttl_seconds,
               hold_ttl_seconds, voluntary_refund_redeposit, involuntary_refund_redeposit,
               effective_from, effective_to, change_id
          from cashmiles.cash_miles_rule order by effective_from""",
        (c, ps) -> {},
        rs ->
            new DatedVersion<>(
                JdbcPaymentRepository.rule(rs),
                rs.getDate("effective_from").toLocalDate(),
                Jdbc.dateOrNull(rs, "effective_to"),
                Jdbc.longOrNull(rs, "change_id")));
  }

  @Override
  public boolean addMileValue(
      String currency, LocalDate from, BigDecimal valuePerMile, long change) {
    return jdbc.update(
            "add a version of the mile value of " + currency,
            """
            insert into cashmiles.mile_value (currency, effective_from, value_per_mile, change_id)
            values (?, ?, ?, ?)
            on conflict (currency, effective_from) do nothing""",
            (c, ps) -> {
              ps.setString(1, currency);
              ps.setDate(2, Date.valueOf(from));
              ps.setBigDecimal(3, valuePerMile);
              ps.setLong(4, change);
            })
        == 1;
  }

  @Override
  public boolean addRule(LocalDate from, CashMilesRule rule, long change) {
    return jdbc.update(
            "add a version of the Cash & Miles rule",
            """
            insert into cashmiles.cash_miles_rule (effective_from, min_miles_per_segment,
                   miles_step, max_fare_share_pct, quote_ttl_seconds, hold_ttl_seconds,
                   voluntary_refund_redeposit, involuntary_refund_redeposit, change_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (effective_from) do nothing""",
            (c, ps) -> {
              ps.setDate(1, Date.valueOf(from));
              ps.setInt(2, rule.minMilesPerSegment());
              ps.setInt(3, rule.milesStep());
              ps.setBigDecimal(4, rule.maxFareSharePct());
              ps.setInt(5, rule.quoteTtlSeconds());
              ps.setInt(6, rule.holdTtlSeconds());
              ps.setBoolean(7, rule.refunds().voluntaryRedeposit());
              ps.setBoolean(8, rule.refunds().involuntaryRedeposit());
              ps.setLong(9, change);
            })
        == 1;
  }

  /**
   * The replay of a currency's mile value over the captured payments (CAPTURED, PARTIALLY_REFUNDED,
   * REFUNDED) whose quote was made in the window. A payment's date is its quote's date in the
   * airline's zone, the day {@code DefaultCashMilesPayments.quote} read the rules for ({@link
   * AirlineZone#today}, where program changes date their versions). The mile value and rule in
   * force on that date are looked up as {@code JdbcPaymentRepository.pricingOn} does: the
   * latest-starting row not after the date, none if that one has ended. {@code before} prices the
   * captured miles at the value in force, {@code after} at the proposal, both truncated to the
   * currency's minor unit as {@code QuoteCalculator.split} does. {@code same}: the payment's
   * recorded split is what the rules in force give: the quote copied the value in force, the miles'
   * value is the truncated product, the cash parts add up, and the quote's range (minimum, maximum,
   * step) and the miles within it are the rule's ({@code div} is exact integer division, as {@code
   * RoundingMode.DOWN} at scale 0).
   */
  private static final String REPLAY =
      """
      with arg as (
        select ?::char(3) as currency, ?::int as d, ?::numeric as proposed,
               ?::date as first_day, ?::date as last_day, ?::text as zone),
      pay as (
        select p.member_number, p.miles, p.captured_miles, p.miles_value, p.cash_for_fare,
               p.total_cash, q.base_fare, q.taxes_and_fees, q.passengers, q.segments,
               q.value_per_mile as quoted, q.min_miles, q.max_miles, q.miles_step,
               (q.created_at at time zone arg.zone)::date as day
          from cashmiles.payment p
          join cashmiles.quote q on q.token = p.quote_token
          cross join arg
         where p.currency = arg.currency
           and p.status in ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')
           and q.created_at >= arg.first_day::timestamp at time zone arg.zone
           and q.created_at < (arg.last_day + 1)::timestamp at time zone arg.zone),
      ruled as (
        select pay.*,
               case when v.effective_to is null or pay.day < v.effective_to
                    then v.value_per_mile end as in_force,
               case when r.effective_to is null or pay.day < r.effective_to
                    then true else false end as rule_on,
               r.min_miles_per_segment, r.miles_step as rule_step, r.max_fare_share_pct
          from pay
          cross join arg
          left join lateral (select m.value_per_mile, m.effective_to from cashmiles.mile_value m
                              where m.currency = arg.currency and m.effective_from <= pay.day
                              order by m.effective_from desc limit 1) v on true
          left join lateral (select c.* from cashmiles.cash_miles_rule c
                              where c.effective_from <= pay.day
                              order by c.effective_from desc limit 1) r on true),
      topped as (
        select ruled.*,
               case when in_force is not null and rule_on then
                 div(trunc(base_fare * max_fare_share_pct / 100, 10), in_force) end as top
          from ruled),
      rated as (
        select member_number, day, captured_miles,
               coalesce(trunc(in_force * captured_miles, arg.d), 0) as before,
               trunc(arg.proposed * captured_miles, arg.d) as after,
               coalesce(in_force = quoted
                 and miles_value = trunc(in_force * miles, arg.d)
                 and cash_for_fare = base_fare - miles_value
                 and total_cash = cash_for_fare + taxes_and_fees
                 and min_miles = min_miles_per_segment::bigint * passengers * segments
                 and miles_step = rule_step
                 and max_miles = top - mod(top, rule_step)
                 and miles between min_miles and max_miles
                 and mod(miles, miles_step) = 0, false) as same
          from topped cross join arg),
      per_member as (
        select member_number, sum(before) as b, sum(after) as a from rated group by member_number)
      select 'total' as dimension, null as value, count(*) as n,
             count(*) filter (where same) as same,
             coalesce(sum(captured_miles), 0) as miles,
             coalesce(sum(before), 0) as b, coalesce(sum(after), 0) as a,
             (select count(*) from per_member) as members,
             (select count(*) from per_member where a <> b) as affected
        from rated
      union all
      select 'month', to_char(day, 'YYYY-MM'), count(*), 0, sum(captured_miles), sum(before),
             sum(after), 0, 0
        from rated group by 2""";

  @Override
  public MileValueReplay replayMileValue(
      String currency, int digits, BigDecimal proposed, LocalDate from, LocalDate to) {
    List<Object[]> rows =
        jdbc.list(
            "replay the mile value of " + currency,
            REPLAY,
            (c, ps) -> {
              ps.setString(1, currency);
              ps.setInt(2, digits);
              ps.setBigDecimal(3, proposed);
              ps.setDate(4, Date.valueOf(from));
              ps.setDate(5, Date.valueOf(to));
              ps.setString(6, airline.zone().getId());
            },
            rs ->
                new Object[] {
                  rs.getString("dimension"),
                  rs.getString("value"),
                  rs.getLong("n"),
                  rs.getLong("same"),
                  rs.getLong("miles"),
                  rs.getBigDecimal("b"),
                  rs.getBigDecimal("a"),
                  rs.getLong("members"),
                  rs.getLong("affected")
                });
    Object[] total = rows.stream().filter(r -> r[0].equals("total")).findFirst().orElseThrow();
    // every month of the window, those without payments as zeros
    Map<String, Group> months = SimulationMonths.empty(from, to);
    for (Object[] r : rows) {
      if (r[0].equals("month")) {
        long miles = (long) r[4];
        months.put((String) r[1], new Group("month", (String) r[1], (long) r[2], miles, miles));
      }
    }
    return new MileValueReplay(
        (long) total[2],
        (long) total[3],
        (long) total[7],
        (long) total[8],
        (long) total[4],
        (BigDecimal) total[5],
        (BigDecimal) total[6],
        new ArrayList<>(months.values()));
  }
}
