package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openmiles.accrual.domain.FlightRuleKeys.FactorKey;
import org.openmiles.accrual.domain.FlightRuleKeys.MinimumKey;
import org.openmiles.accrual.domain.FlightRuleKeys.RateKey;
import org.openmiles.accrual.domain.FlightRuleVersion.Factors;
import org.openmiles.accrual.domain.FlightRuleVersions;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.program.api.Simulation.Group;
import org.openmiles.program.api.SimulationMonths;

/**
 * Versions of the flight earn rules in {@code accrual.flight_earn_factor}, {@code
 * flight_earn_minimum}, {@code revenue_earn_rate} and {@code flight_earn_model}, by JDBC; the
 * replays read {@code accrual.flown_coupon} and {@code accrual.airport}.
 */
@ApplicationScoped
public class JdbcFlightRuleVersions implements FlightRuleVersions {
  @Inject Jdbc jdbc;

  @Override
  public boolean carrierHasRules(String carrier) {
    return jdbc.first(
            "look for the flight earn rules of " + carrier,
            """
            select exists (select 1 from accrual.flight_earn_model where carrier_code = ?)
                or exists (select 1 from accrual.flight_earn_factor where carrier_code = ?)
                or exists (select 1 from accrual.flight_earn_minimum where carrier_code = ?)
                or exists (select 1 from accrual.revenue_earn_rate where carrier_code = ?)""",
            (c, ps) -> {
              for (int i = 1; i <= 4; i++) {
                ps.setString(i, carrier);
              }
            },
            rs -> rs.getBoolean(1))
        .orElse(false);
  }

  @Override
  public List<Written<Factors>> factors(FactorKey key) {
    return versions(
        "read the earn factors of " + key,
        """
        select earn_factor, segment_factor, effective_from, effective_to, change_id
          from accrual.flight_earn_factor
         where carrier_code = ? and booking_class = ? and region = ? order by effective_from""",
        List.of(key.carrier(), key.bookingClass(), key.region().name()),
        rs -> new Factors(rs.getBigDecimal("earn_factor"), rs.getBigDecimal("segment_factor")));
  }

  @Override
  public List<Written<Long>> minimums(MinimumKey key) {
    return versions(
        "read the minimum miles of " + key,
        """
        select minimum_miles, effective_from, effective_to, change_id
          from accrual.flight_earn_minimum
         where carrier_code = ? and region = ? order by effective_from""",
        List.of(key.carrier(), key.region().name()),
        rs -> rs.getLong("minimum_miles"));
  }

  @Override
  public List<Written<BigDecimal>> revenueRates(RateKey key) {
    return versions(
        "read the revenue rates of " + key,
        """
        select miles_per_unit, effective_from, effective_to, change_id
          from accrual.revenue_earn_rate
         where carrier_code = ? and tier_code = ? and currency = ? order by effective_from""",
        List.of(key.carrier(), key.tier(), key.currency()),
        rs -> rs.getBigDecimal("miles_per_unit"));
  }

  @Override
  public List<String> revenueCurrencies(String carrier) {
    return jdbc.list(
        "read the revenue rate currencies of " + carrier,
        "select distinct currency from accrual.revenue_earn_rate where carrier_code = ?"
            + " order by currency",
        (c, ps) -> ps.setString(1, carrier),
        rs -> rs.getString(1));
  }

  @Override
  public List<Written<String>> models(String carrier) {
    return versions(
        "read the earn models of " + carrier,
        """
        select model, effective_from, effective_to, change_id
          from accrual.flight_earn_model where carrier_code = ? order by effective_from""",
        List.of(carrier),
        rs -> rs.getString("model"));
  }

  @Override
  public boolean addFactors(FactorKey key, LocalDate from, Factors factors, long change) {
    return add(
        "add a version of the earn factors of " + key,
        """
        insert into accrual.flight_earn_factor (carrier_code, booking_class, region,
               effective_from, earn_factor, segment_factor, change_id)
        values (?, ?, ?, ?, ?, ?, ?)
        on conflict (carrier_code, booking_class, region, effective_from) do nothing""",
        List.of(key.carrier(), key.bookingClass(), key.region().name()),
        from,
        List.of(factors.earnFactor(), factors.segmentFactor()),
        change);
  }

  @Override
  public boolean addMinimum(MinimumKey key, LocalDate from, long minimumMiles, long change) {
    return add(
        "add a version of the minimum miles of " + key,
        """
        insert into accrual.flight_earn_minimum (carrier_code, region, effective_from,
               minimum_miles, change_id)
        values (?, ?, ?, ?, ?)
        on conflict (carrier_code, region, effective_from) do nothing""",
        List.of(key.carrier(), key.region().name()),
        from,
        List.of(Math.toIntExact(minimumMiles)),
        change);
  }

  @Override
  public boolean addRevenueRate(RateKey key, LocalDate from, BigDecimal milesPerUnit, long change) {
    return add(
        "add a version of the revenue rate of " + key,
        """
        insert into accrual.revenue_earn_rate (carrier_code, tier_code, currency, effective_from,
               miles_per_unit, change_id)
        values (?, ?, ?, ?, ?, ?)
        on conflict (carrier_code, tier_code, currency, effective_from) do nothing""",
        List.of(key.carrier(), key.tier(), key.currency()),
        from,
        List.of(milesPerUnit),
        change);
  }

  @Override
  public boolean addModel(String carrier, LocalDate from, String model, long change) {
    return add(
        "add a version of the earn model of " + carrier,
        """
        insert into accrual.flight_earn_model (carrier_code, effective_from, model, change_id)
        values (?, ?, ?, ?)
        on conflict (carrier_code, effective_from) do nothing""",
        List.of(carrier),
        from,
        List.of(model),
        change);
  }

  private <T> List<Written<T>> versions(
      String what, String sql, List<String> keys, Jdbc.Row<T> value) {
    return jdbc.list(
        what,
        sql,
        (c, ps) -> {
          for (int k = 0; k < keys.size(); k++) {
            ps.setString(k + 1, keys.get(k));
          }
        },
        rs ->
            new Written<>(
                value.map(rs),
                rs.getDate("effective_from").toLocalDate(),
                Jdbc.dateOrNull(rs, "effective_to"),
                Jdbc.longOrNull(rs, "change_id")));
  }

  /** Inserts {@code keys}, the date, {@code values} and the change, in that order. */
  private boolean add(
      String what,
      String sql,
      List<String> keys,
      LocalDate from,
      List<Object> values,
      long change) {
    return jdbc.update(
            what,
            sql,
            (c, ps) -> {
              int i = 1;
              for (String k : keys) {
                ps.setString(i++, k);
              }
              ps.setDate(i++, Date.valueOf(from));
              for (Object v : values) {
                ps.setObject(i++, v);
              }
              ps.setLong(i, change);
            })
        == 1;
  }

  /**
   * The replay of the carrier's CREDITED coupons of a region (and of one class, {@code %s} first:
   * the class filter) flown in the window on days its model was DISTANCE: each coupon's base miles
   * under the rules in force on its date ({@code before}: the factor and minimum in force, as
   * FlightRater reads them — of the versions that apply on the date, the latest-starting; none: 0
   * miles, the class did not earn, or no minimum) and under the proposal ({@code %s} second: {@code
   * after}). Base miles = greatest(minimum, round half up (distance × factor)), the distance as
   * rated ({@code distance_miles}); {@code round} of a positive numeric rounds half up, as
   * FlightEarning.rate does. The region is DOMESTIC when both airports have the same country.
   * Totals per member first (members, members affected), then the coupons in all, by month, by
   * class, by the member's tier when the coupon was rated and by route, as rows: {@code total},
   * {@code month}, {@code bookingClass}, {@code tier}, {@code route}.
   */
  private static final String REPLAY =
      """
      with src as (
        select c.member_number, c.flight_date, trim(c.booking_class) as booking_class,
               coalesce(c.tier_code, 'MEMBER') as tier_code,
               c.origin || '-' || c.destination as route, c.base_miles as credited, c.distance_miles::bigint as distance,
               (select f.earn_factor from accrual.flight_earn_factor f
                 where f.carrier_code = c.marketing_carrier and f.booking_class = c.booking_class
                   and f.region = ? and f.effective_from <= c.flight_date
                   and (f.effective_to is null or c.flight_date < f.effective_to)
                 order by f.effective_from desc limit 1) as factor,
               coalesce((select m.minimum_miles::bigint from accrual.flight_earn_minimum m
                          where m.carrier_code = c.marketing_carrier and m.region = ?
                            and m.effective_from <= c.flight_date
                            and (m.effective_to is null or c.flight_date < m.effective_to)
                          order by m.effective_from desc limit 1), 0) as minimum
          from accrual.flown_coupon c
          left join accrual.airport o on o.iata = c.origin
          left join accrual.airport d on d.iata = c.destination
         where c.marketing_carrier = ? and c.state = 'CREDITED'
           and c.flight_date between ? and ?%s
           and case when o.country = d.country then 'DOMESTIC' else 'INTERNATIONAL' end = ?
           and (select e.model from accrual.flight_earn_model e
                 where e.carrier_code = c.marketing_carrier and e.effective_from <= c.flight_date
                   and (e.effective_to is null or c.flight_date < e.effective_to)
                 order by e.effective_from desc limit 1) = 'DISTANCE'),
      rated as (
        select member_number, flight_date, booking_class, tier_code, route, credited,
               case when factor is null then 0
                    else greatest(minimum, round(distance * factor)::bigint) end as before,
               %s as after
          from src),
      per_member as (
        select member_number, sum(before) as b, sum(after) as a from rated group by member_number)
      select 'total' as dimension, null as value, count(*) as n,
             count(*) filter (where before = credited) as same,
             coalesce(sum(before), 0) as b, coalesce(sum(after), 0) as a,
             (select count(*) from per_member) as members,
             (select count(*) from per_member where a <> b) as affected
        from rated
      union all
      select 'month', to_char(flight_date, 'YYYY-MM'), count(*), 0, sum(before), sum(after), 0, 0
        from rated group by 2
      union all
      select 'bookingClass', booking_class, count(*), 0, sum(before), sum(after), 0, 0
        from rated group by 2
      union all
      select 'tier', tier_code, count(*), 0, sum(before), sum(after), 0, 0 from rated group by 2
      union all
      select 'route', route, count(*), 0, sum(before), sum(after), 0, 0 from rated group by 2""";

  @Override
  public Replay replayFactor(FactorKey key, BigDecimal earnFactor, LocalDate from, LocalDate to) {
    return replay(
        "replay the earn factors of " + key,
        REPLAY.formatted(
            " and c.booking_class = ?", "greatest(minimum, round(distance * ?::numeric)::bigint)"),
        key.carrier(),
        key.region().name(),
        key.bookingClass(),
        earnFactor,
        from,
        to);
  }

  @Override
  public Replay replayMinimum(MinimumKey key, long minimumMiles, LocalDate from, LocalDate to) {
    return replay(
        "replay the minimum miles of " + key,
        REPLAY.formatted(
            "",
            "case when factor is null then 0"
                + " else greatest(?::bigint, round(distance * factor)::bigint) end"),
        key.carrier(),
        key.region().name(),
        null,
        minimumMiles,
        from,
        to);
  }

  /**
   * Runs a replay: the parameters in the statement's order (the region twice in the look-ups, the
   * carrier, the window, the class if one, the region, then the proposal's value).
   */
  private Replay replay(
      String what,
      String sql,
      String carrier,
      String region,
      String bookingClass,
      Object proposed,
      LocalDate from,
      LocalDate to) {
    List<Object[]> rows =
        jdbc.list(
            what,
            sql,
            (c, ps) -> {
              int i = 1;
              ps.setString(i++, region);
              ps.setString(i++, region);
              ps.setString(i++, carrier);
              ps.setDate(i++, Date.valueOf(from));
              ps.setDate(i++, Date.valueOf(to));
              if (bookingClass != null) {
                ps.setString(i++, bookingClass);
              }
              ps.setString(i++, region);
              ps.setObject(i, proposed);
            },
            rs ->
                new Object[] {
                  rs.getString("dimension"),
                  rs.getString("value"),
                  rs.getLong("n"),
                  rs.getLong("same"),
                  rs.getLong("b"),
                  rs.getLong("a"),
                  rs.getLong("members"),
                  rs.getLong("affected")
                });
    Object[] total = rows.stream().filter(r -> r[0].equals("total")).findFirst().orElseThrow();
    // every month of the window, those without coupons as zeros, then the classes in order
    Map<String, Group> months = SimulationMonths.empty(from, to);
    List<Group> others = new ArrayList<>();
    for (Object[] r : rows) {
      Group g = new Group((String) r[0], (String) r[1], (long) r[2], (long) r[4], (long) r[5]);
      if (g.dimension().equals("month")) {
        months.put(g.value(), g);
      } else if (!g.dimension().equals("total")) {
        others.add(g);
      }
    }
    // the classes, then the tiers (each coupon's tier when it was rated), then the routes
    List<String> order = List.of("bookingClass", "tier", "route");
    others.sort(
        java.util.Comparator.comparing((Group g) -> order.indexOf(g.dimension()))
            .thenComparing(Group::value));
    List<Group> groups = new ArrayList<>(months.values());
    groups.addAll(others);
    return new Replay(
        (long) total[2],
        (long) total[3],
        (long) total[6],
        (long) total[7],
        (long) total[4],
        (long) total[5],
        groups);
  }
}
