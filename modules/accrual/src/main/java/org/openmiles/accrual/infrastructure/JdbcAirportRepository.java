package org.openmiles.accrual.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.openmiles.accrual.domain.Airport;

/** Airports and city-pair distances in the {@code accrual} schema. */
@ApplicationScoped
public class JdbcAirportRepository {

  @Resource(lookup = "java:app/jdbc/openmiles")
  DataSource dataSource;

  /** Inserts or replaces airports by IATA code, in one statement. */
  public void upsert(List<Airport> airports, String source) {
    if (airports.isEmpty()) {
      return;
    }
    String sql =
        "insert into accrual.airport (iata, name, city, country, latitude, longitude, source, updated_at)"
            + " select i, n, c, co, la, lo, ?, now() from unnest(?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::varchar[], ?::numeric[], ?::numeric[]) as t(i, n, c, co, la, lo)"
            + " on conflict (iata) do update set name = excluded.name, city = excluded.city,"
            + " country = excluded.country, latitude = excluded.latitude, longitude = excluded.longitude,"
            + " source = excluded.source, updated_at = now()";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, source);
      ps.setArray(2, c.createArrayOf("varchar", airports.stream().map(Airport::iata).toArray()));
      ps.setArray(
          3, c.createArrayOf("varchar", airports.stream().map(a -> cut(a.name(), 200)).toArray()));
      ps.setArray(
          4, c.createArrayOf("varchar", airports.stream().map(a -> cut(a.city(), 100)).toArray()));
      ps.setArray(5, c.createArrayOf("varchar", airports.stream().map(Airport::country).toArray()));
      ps.setArray(
          6, c.createArrayOf("numeric", airports.stream().map(a -> round(a.latitude())).toArray()));
      ps.setArray(
          7,
          c.createArrayOf("numeric", airports.stream().map(a -> round(a.longitude())).toArray()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store airports: " + e.getMessage(), e);
    }
  }

  private static java.math.BigDecimal round(double v) {
    return java.math.BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_UP);
  }

  private static String cut(String s, int max) {
    if (s == null || s.isBlank() || s.equals("\\N")) {
      return null;
    }
    return s.length() > max ? s.substring(0, max) : s;
  }

  public Optional<Airport> find(String iata) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select iata, name, city, country, latitude, longitude from accrual.airport where iata = ?")) {
      ps.setString(1, iata);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Airport(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getDouble(5),
                rs.getDouble(6)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read airport " + iata, e);
    }
  }

  /** The earn factors of a carrier (all dates; the caller picks the one in force). */
  public List<org.openmiles.accrual.domain.FlightEarning.Factor> earnFactors(String carrier) {
    List<org.openmiles.accrual.domain.FlightEarning.Factor> out = new java.util.ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select carrier_code, booking_class, region, earn_factor, segment_factor, effective_from,"
                    + " effective_to from accrual.flight_earn_factor where carrier_code = ?")) {
      ps.setString(1, carrier);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Date to = rs.getDate(7);
          out.add(
              new org.openmiles.accrual.domain.FlightEarning.Factor(
                  rs.getString(1),
                  rs.getString(2).strip(),
                  org.openmiles.accrual.domain.FlightEarning.Region.valueOf(rs.getString(3)),
                  rs.getBigDecimal(4),
                  rs.getBigDecimal(5),
                  rs.getDate(6).toLocalDate(),
                  to == null ? null : to.toLocalDate()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read earn factors of " + carrier, e);
    }
    return out;
  }

  /** The minimum base miles per segment for a carrier and region on a date (0 if none). */
  public long minimumMiles(String carrier, String region, LocalDate date) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select minimum_miles from accrual.flight_earn_minimum where carrier_code = ? and region = ?"
                    + " and effective_from <= ? and (effective_to is null or effective_to > ?)"
                    + " order by effective_from desc limit 1")) {
      ps.setString(1, carrier);
      ps.setString(2, region);
      ps.setDate(3, Date.valueOf(date));
      ps.setDate(4, Date.valueOf(date));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the minimum miles of " + carrier, e);
    }
  }

  /** The program's distance for a pair on a date, if it has one. */
  public Optional<Long> cityPairMiles(String a, String b, LocalDate date) {
    String first = a.compareTo(b) < 0 ? a : b;
    String second = a.compareTo(b) < 0 ? b : a;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select miles from accrual.city_pair_distance where airport_a = ? and airport_b = ?"
                    + " and effective_from <= ? and (effective_to is null or effective_to > ?)"
                    + " order by effective_from desc limit 1")) {
      ps.setString(1, first);
      ps.setString(2, second);
      ps.setDate(3, Date.valueOf(date));
      ps.setDate(4, Date.valueOf(date));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the city-pair distance " + a + "-" + b, e);
    }
  }
}
