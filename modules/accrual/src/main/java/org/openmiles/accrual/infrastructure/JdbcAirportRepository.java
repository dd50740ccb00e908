package org.openmiles.accrual.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.openmiles.accrual.domain.Airport;
import org.openmiles.accrual.domain.FlightEarning;
import org.openmiles.common.jdbc.Jdbc;

/** Airports, city-pair distances and flight earn rules in the {@code accrual} schema. */
@ApplicationScoped
public class JdbcAirportRepository {

  @Resource(lookup = "java:app/jdbc/openmiles")
  DataSource dataSource;

  private Jdbc jdbc;

  @PostConstruct
  void init() {
    jdbc = new Jdbc(dataSource);
  }

  /** Inserts or replaces airports by IATA code, in one statement. */
  public void upsert(List<Airport> airports, String source) {
    if (airports.isEmpty()) {
      return;
    }
    jdbc.update(
        "store airports",
        "insert into accrual.airport (iata, name, city, country, latitude, longitude, source, updated_at)"
            + " select i, n, c, co, la, lo, ?, now() from unnest(?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::varchar[], ?::numeric[], ?::numeric[]) as t(i, n, c, co, la, lo)"
            + " on conflict (iata) do update set name = excluded.name, city = excluded.city,"
            + " country = excluded.country, latitude = excluded.latitude, longitude = excluded.longitude,"
            + " source = excluded.source, updated_at = now()",
        (c, ps) -> {
          ps.setString(1, source);
          ps.setArray(
              2, c.createArrayOf("varchar", airports.stream().map(Airport::iata).toArray()));
          ps.setArray(
              3,
              c.createArrayOf("varchar", airports.stream().map(a -> cut(a.name(), 200)).toArray()));
          ps.setArray(
              4,
              c.createArrayOf("varchar", airports.stream().map(a -> cut(a.city(), 100)).toArray()));
          ps.setArray(
              5, c.createArrayOf("varchar", airports.stream().map(Airport::country).toArray()));
          ps.setArray(
              6,
              c.createArrayOf(
                  "numeric", airports.stream().map(a -> round(a.latitude())).toArray()));
          ps.setArray(
              7,
              c.createArrayOf(
                  "numeric", airports.stream().map(a -> round(a.longitude())).toArray()));
        });
  }

  private static BigDecimal round(double v) {
    return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP);
  }

  private static String cut(String s, int max) {
    if (s == null || s.isBlank() || s.equals("\\N")) {
      return null;
    }
    return s.length() > max ? s.substring(0, max) : s;
  }

  public Optional<Airport> find(String iata) {
    return jdbc.first(
        "read airport " + iata,
        "select iata, name, city, country, latitude, longitude from accrual.airport where iata = ?",
        (c, ps) -> ps.setString(1, iata),
        rs ->
            new Airport(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getDouble(5),
                rs.getDouble(6)));
  }

  /** The earn factors of a carrier (all dates; the caller picks the one in force). */
  public List<FlightEarning.Factor> earnFactors(String carrier) {
    return jdbc.list(
        "read the earn factors of " + carrier,
        "select carrier_code, booking_class, region, earn_factor, segment_factor, effective_from,"
            + " effective_to from accrual.flight_earn_factor where carrier_code = ?",
        (c, ps) -> ps.setString(1, carrier),
        rs -> {
          Date to = rs.getDate(7);
          return new FlightEarning.Factor(
              rs.getString(1),
              rs.getString(2).strip(),
              FlightEarning.Region.valueOf(rs.getString(3)),
              rs.getBigDecimal(4),
              rs.getBigDecimal(5),
              rs.getDate(6).toLocalDate(),
              to == null ? null : to.toLocalDate());
        });
  }

  /** The minimum base miles per segment for a carrier and region on a date (0 if none). */
  public long minimumMiles(String carrier, String region, LocalDate date) {
    return inForce(
            "read the minimum miles of " + carrier,
            "select minimum_miles from accrual.flight_earn_minimum where carrier_code = ? and region = ?",
            carrier,
            region,
            date)
        .orElse(0L);
  }

  /** The program's distance for a pair on a date, if it has one. */
  public Optional<Long> cityPairMiles(String a, String b, LocalDate date) {
    boolean ordered = a.compareTo(b) < 0;
    return inForce(
        "read the city-pair distance " + a + "-" + b,
        "select miles from accrual.city_pair_distance where airport_a = ? and airport_b = ?",
        ordered ? a : b,
        ordered ? b : a,
        date);
  }

  /** The one number of an effective-dated rule keyed by two columns, in force on {@code date}. */
  private Optional<Long> inForce(
      String what, String select, String key1, String key2, LocalDate date) {
    return jdbc.first(
        what,
        select
            + " and effective_from <= ? and (effective_to is null or effective_to > ?)"
            + " order by effective_from desc limit 1",
        (c, ps) -> {
          ps.setString(1, key1);
          ps.setString(2, key2);
          ps.setDate(3, Date.valueOf(date));
          ps.setDate(4, Date.valueOf(date));
        },
        rs -> rs.getLong(1));
  }

  /** The earn model (DISTANCE or REVENUE) of a carrier on a date, if the carrier earns at all. */
  public Optional<String> earnModel(String carrier, LocalDate date) {
    return jdbc.first(
        "read the earn model of " + carrier,
        "select model from accrual.flight_earn_model where carrier_code = ?"
            + " and effective_from <= ? and (effective_to is null or effective_to > ?)"
            + " order by effective_from desc limit 1",
        (c, ps) -> {
          ps.setString(1, carrier);
          ps.setDate(2, Date.valueOf(date));
          ps.setDate(3, Date.valueOf(date));
        },
        rs -> rs.getString(1));
  }

  /** Miles per currency unit of a carrier's revenue model for a tier and currency on a date. */
  public Optional<java.math.BigDecimal> revenueRate(
      String carrier, String tier, String currency, LocalDate date) {
    return jdbc.first(
        "read the revenue rate of " + carrier,
        "select miles_per_unit from accrual.revenue_earn_rate where carrier_code = ?"
            + " and tier_code = ? and currency = ?"
            + " and effective_from <= ? and (effective_to is null or effective_to > ?)"
            + " order by effective_from desc limit 1",
        (c, ps) -> {
          ps.setString(1, carrier);
          ps.setString(2, tier);
          ps.setString(3, currency);
          ps.setDate(4, Date.valueOf(date));
          ps.setDate(5, Date.valueOf(date));
        },
        rs -> rs.getBigDecimal(1));
  }
}
