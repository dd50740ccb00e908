package org.openmiles.tiers.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.tiers.api.TierBenefits;

/** Member status and tier definitions in the {@code tiers} schema. */
@ApplicationScoped
public class JdbcMemberTierRepository {

  @Resource(lookup = "java:app/jdbc/openmiles")
  DataSource dataSource;

  private Jdbc jdbc;

  @PostConstruct
  void init() {
    jdbc = new Jdbc(dataSource);
  }

  /** A tier definition and the dates it is in force: from (inclusive) to (exclusive, or null). */
  public record DatedTier(TierBenefits tier, LocalDate from, LocalDate to) {
    public boolean appliesOn(LocalDate date) {
      return !date.isBefore(from) && (to == null || date.isBefore(to));
    }
  }

  /** Every version of every tier definition. */
  public List<DatedTier> allDefinitions() {
    return jdbc.list(
        "read the tier definitions",
        "select code, name, tier_rank, flight_bonus_pct, effective_from, effective_to"
            + " from tiers.tier_definition",
        (c, ps) -> {},
        rs -> {
          Date to = rs.getDate(6);
          return new DatedTier(
              new TierBenefits(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)),
              rs.getDate(5).toLocalDate(),
              to == null ? null : to.toLocalDate());
        });
  }

  /** A member's recorded status: the tier, from {@code since} to {@code validUntil} inclusive. */
  public record Status(String tierCode, LocalDate since, LocalDate validUntil) {
    public boolean holdsOn(LocalDate date) {
      return !date.isBefore(since) && (validUntil == null || !date.isAfter(validUntil));
    }
  }

  /** The recorded status of each member that has one. */
  public Map<String, Status> statusOf(Collection<String> members) {
    Map<String, Status> out = new HashMap<>();
    if (members.isEmpty()) {
      return out;
    }
    jdbc.list(
            "read member tiers",
            "select member_number, tier_code, since, valid_until from tiers.member_tier"
                + " where member_number = any(?)",
            (c, ps) -> ps.setArray(1, c.createArrayOf("varchar", members.toArray())),
            rs -> {
              Date until = rs.getDate(4);
              return Map.entry(
                  rs.getString(1),
                  new Status(
                      rs.getString(2),
                      rs.getDate(3).toLocalDate(),
                      until == null ? null : until.toLocalDate()));
            })
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
