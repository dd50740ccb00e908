package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.accrual.domain.Airport;
import org.openmiles.accrual.domain.AirportRepository;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.text.Texts;

/** Airports in {@code accrual.airport}. */
@ApplicationScoped
public class JdbcAirportRepository implements AirportRepository {

  @Inject Jdbc jdbc;

  /** Inserts or replaces airports by IATA code, in one statement. */
  @Override
  public void upsert(List<Airport> airports, String source) {
    if (airports.isEmpty()) {
      return;
    }
    jdbc.update(
        "store airports",
        """
        insert into accrual.airport (iata, name, city, country, latitude, longitude, source,
                                     updated_at)
        select i, n, c, co, la, lo, ?, now()
          from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::numeric[],
                      ?::numeric[]) as t(i, n, c, co, la, lo)
        on conflict (iata) do update set name = excluded.name, city = excluded.city,
           country = excluded.country, latitude = excluded.latitude,
           longitude = excluded.longitude, source = excluded.source, updated_at = now()""",
        (c, ps) -> {
          ps.setString(1, source);
          ps.setArray(2, Jdbc.array(c, "varchar", airports.stream().map(Airport::iata).toArray()));
          ps.setArray(
              3,
              Jdbc.array(
                  c, "varchar", airports.stream().map(a -> column(a.name(), 200)).toArray()));
          ps.setArray(
              4,
              Jdbc.array(
                  c, "varchar", airports.stream().map(a -> column(a.city(), 100)).toArray()));
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

  /** A name or city as stored: absent (blank, or {@code \\N} in the source file) is null. */
  private static String column(String s, int max) {
    if (s == null || s.isBlank() || s.equals("\\N")) {
      return null;
    }
    return Texts.truncate(s, max);
  }

  private static final String AIRPORT =
      "select iata, name, city, country, latitude, longitude from accrual.airport";

  private static Airport airport(ResultSet rs) throws SQLException {
    return new Airport(
        rs.getString("iata"),
        rs.getString("name"),
        rs.getString("city"),
        rs.getString("country"),
        rs.getDouble("latitude"),
        rs.getDouble("longitude"));
  }

  @Override
  public Optional<Airport> find(String iata) {
    return jdbc.first(
        "read airport " + iata,
        AIRPORT + " where iata = ?",
        (c, ps) -> ps.setString(1, iata),
        JdbcAirportRepository::airport);
  }

  @Override
  public Map<String, Airport> findAll(Collection<String> iatas) {
    Map<String, Airport> out = new HashMap<>();
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
}
