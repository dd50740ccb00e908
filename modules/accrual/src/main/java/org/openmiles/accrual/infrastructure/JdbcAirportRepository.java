package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openmiles.accrual.domain.Airport;
import org.openmiles.accrual.domain.FlightEarning;
import org.openmiles.common.jdbc.Jdbc;

/** Airports, city-pair distances and flight earn rules in the {@code accrual} schema. */
@ApplicationScoped
public class JdbcAirportRepository {

  @Inject Jdbc jdbc;

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
          ps.setArray(2, Jdbc.array(c, "varchar", airports.stream().map(Airport::iata).toArray()));
          ps.setArray(
              3,
              Jdbc.array(c, "varchar", airports.stream().map(a -> cut(a.name(), 200)).toArray()));
          ps.setArray(
              4,
              Jdbc.array(c, "varchar", airports.stream().map(a -> cut(a.city(), 100)).toArray()));
          ps.setArray(
              5, Jdbc.array(c, "varchar", airports.stream().map(Airport::country).toArray()));
          ps.setArray(
              6,
              Jdbc.array(c, "numeric", airports.stream().map(a -> round(a.latitude())).toArray()));
          ps.setArray(
              7,
              Jdbc.array(c, "numeric", airports.stream().map(a -> round(a.longitude())).toArray()));
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

  private static final String AIRPORT =
      "select iata, name, city, country, latitude, longitude from accrual.airport";

  private static Airport airport(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Airport(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getDouble(5),
        rs.getDouble(6));
  }

  public Optional<Airport> find(String iata) {
    return jdbc.first(
        "read airport " + iata,
        AIRPORT + " where iata = ?",
        (c, ps) -> ps.setString(1, iata),
        JdbcAirportRepository::airport);
  }

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

  /**
   * One version of an effective-dated rule value: in force from {@code from} (inclusive) to {@code
   * to} (exclusive; null = until further notice).
   */
  public record Dated<T>(T value, LocalDate from, LocalDate to) {
    /** The value of the latest version in force on {@code date}, if any. */
    public static <T> Optional<T> inForce(List<Dated<T>> versions, LocalDate date) {
      Dated<T> best = null;
      for (Dated<T> v : versions) {
        boolean applies = !date.isBefore(v.from) && (v.to == null || date.isBefore(v.to));
        if (applies && (best == null || v.from.isAfter(best.from))) {
          best = v;
        }
      }
      return best == null ? Optional.empty() : Optional.of(best.value);
    }
  }

  /** The minimum base miles per segment for a carrier and region on a date (0 if none). */
  public long minimumMiles(String carrier, String region, LocalDate date) {
    return Dated.inForce(minimumMiles(carrier, region), date).orElse(0L);
  }

  /** Every version of the minimum base miles per segment for a carrier and region. */
  public List<Dated<Long>> minimumMiles(String carrier, String region) {
    return versions(
        "read the minimum miles of " + carrier,
        "select minimum_miles, effective_from, effective_to from accrual.flight_earn_minimum"
            + " where carrier_code = ? and region = ?",
        List.of(carrier, region),
        rs -> rs.getLong(1));
  }

  /** Several airports in one read, by IATA code; codes not found are absent. */
  public java.util.Map<String, Airport> findAll(java.util.Collection<String> iatas) {
    java.util.Map<String, Airport> out = new java.util.HashMap<>();
    if (iatas.isEmpty()) {
      return out;
    }
    jdbc.list(
            "read airports",
            AIRPORT + " where iata = any(?)",
            (c, ps) -> ps.setArray(1, Jdbc.array(c, "varchar", iatas.toArray())),
            JdbcAirportRepository::airport)
        .forEach(a -> out.put(a.iata(), a));
    return out;
  }

  /**
   * Every version of the program's distance for several pairs in one read, keyed {@code a:b} with
   * {@code a < b}; pairs without a distance are absent.
   */
  public java.util.Map<String, List<Dated<Long>>> cityPairMiles(
      java.util.Collection<List<String>> pairs) {
    java.util.Map<String, List<Dated<Long>>> out = new java.util.HashMap<>();
    if (pairs.isEmpty()) {
      return out;
    }
    Object[] a = new Object[pairs.size()];
    Object[] b = new Object[pairs.size()];
    int i = 0;
    for (List<String> p : pairs) {
      boolean ordered = p.get(0).compareTo(p.get(1)) < 0;
      a[i] = ordered ? p.get(0) : p.get(1);
      b[i++] = ordered ? p.get(1) : p.get(0);
    }
    jdbc.list(
        "read city-pair distances",
        "select d.airport_a, d.airport_b, d.miles, d.effective_from, d.effective_to"
            + " from accrual.city_pair_distance d"
            + " join (select distinct x, y from unnest(?::varchar[], ?::varchar[]) as k(x, y)) k"
            + " on d.airport_a = k.x and d.airport_b = k.y",
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "varchar", a));
          ps.setArray(2, Jdbc.array(c, "varchar", b));
        },
        rs -> {
          out.computeIfAbsent(rs.getString(1) + ":" + rs.getString(2), k -> new ArrayList<>())
              .add(dated(rs, 3, rs.getLong(3)));
          return null;
        });
    return out;
  }

  /** The program's distance for a pair on a date, if it has one. */
  public Optional<Long> cityPairMiles(String a, String b, LocalDate date) {
    return Dated.inForce(cityPairMiles(a, b), date);
  }

  /** Every version of the program's distance for a pair (either way round). */
  public List<Dated<Long>> cityPairMiles(String a, String b) {
    boolean ordered = a.compareTo(b) < 0;
    return versions(
        "read the city-pair distance " + a + "-" + b,
        "select miles, effective_from, effective_to from accrual.city_pair_distance"
            + " where airport_a = ? and airport_b = ?",
        List.of(ordered ? a : b, ordered ? b : a),
        rs -> rs.getLong(1));
  }

  /** The earn model (DISTANCE or REVENUE) of a carrier on a date, if the carrier earns at all. */
  public Optional<String> earnModel(String carrier, LocalDate date) {
    return Dated.inForce(earnModels(carrier), date);
  }

  /** Every version of a carrier's earn model. */
  public List<Dated<String>> earnModels(String carrier) {
    return versions(
        "read the earn model of " + carrier,
        "select model, effective_from, effective_to from accrual.flight_earn_model"
            + " where carrier_code = ?",
        List.of(carrier),
        rs -> rs.getString(1));
  }

  /** Every version of the miles per currency unit of a carrier's revenue model for a tier. */
  public List<Dated<java.math.BigDecimal>> revenueRates(
      String carrier, String tier, String currency) {
    return versions(
        "read the revenue rate of " + carrier,
        "select miles_per_unit, effective_from, effective_to from accrual.revenue_earn_rate"
            + " where carrier_code = ? and tier_code = ? and currency = ?",
        List.of(carrier, tier, currency),
        rs -> rs.getBigDecimal(1));
  }

  /** The currencies in which a carrier's revenue model has earn rates (USD for the seeded VN). */
  public List<String> revenueCurrencies(String carrier) {
    return jdbc.list(
        "read the revenue rate currencies of " + carrier,
        "select distinct currency from accrual.revenue_earn_rate where carrier_code = ?"
            + " order by currency",
        (c, ps) -> ps.setString(1, carrier),
        rs -> rs.getString(1));
  }

  /**
   * Every version of the rate converting fares in {@code fareCurrency} to qualifying spend in the
   * tier program's {@code spendCurrency} (units of the spend currency per unit of the fare's).
   */
  public List<Dated<java.math.BigDecimal>> spendRates(String fareCurrency, String spendCurrency) {
    return versions(
        "read the spend conversion rate " + fareCurrency + "-" + spendCurrency,
        "select units_per_unit, effective_from, effective_to from accrual.spend_conversion_rate"
            + " where fare_currency = ? and spend_currency = ?",
        List.of(fareCurrency, spendCurrency),
        rs -> rs.getBigDecimal(1));
  }

  /** The versions of a rule value: its query selects the value, effective_from, effective_to. */
  private <T> List<Dated<T>> versions(
      String what, String select, List<String> keys, Jdbc.Row<T> value) {
    return jdbc.list(
        what,
        select,
        (c, ps) -> {
          for (int k = 0; k < keys.size(); k++) {
            ps.setString(k + 1, keys.get(k));
          }
        },
        rs -> dated(rs, 1, value.map(rs)));
  }

  /** A version whose effective_from and effective_to follow the value's column {@code col}. */
  private static <T> Dated<T> dated(java.sql.ResultSet rs, int col, T value)
      throws java.sql.SQLException {
    Date to = rs.getDate(col + 2);
    return new Dated<>(
        value, rs.getDate(col + 1).toLocalDate(), to == null ? null : to.toLocalDate());
  }
}
