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

  /** The tier definitions in force on {@code date}, by code. */
  public Map<String, TierBenefits> definitionsOn(LocalDate date) {
    Map<String, TierBenefits> out = new HashMap<>();
    jdbc
        .list(
            "read the tier definitions",
            "select distinct on (code) code, name, tier_rank, flight_bonus_pct, effective_to"
                + " from tiers.tier_definition where effective_from <= ?"
                + " order by code, effective_from desc",
            (c, ps) -> ps.setDate(1, Date.valueOf(date)),
            rs -> {
              Date to = rs.getDate(5);
              return to != null && !date.isBefore(to.toLocalDate())
                  ? null
                  : new TierBenefits(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4));
            })
        .stream()
        .filter(java.util.Objects::nonNull)
        .forEach(t -> out.put(t.code(), t));
    return out;
  }

  /** The tier code each member holds on {@code date}; members without a status are absent. */
  public Map<String, String> statusOn(Collection<String> members, LocalDate date) {
    Map<String, String> out = new HashMap<>();
    if (members.isEmpty()) {
      return out;
    }
    List<String[]> rows =
        jdbc.list(
            "read member tiers",
            "select member_number, tier_code from tiers.member_tier where member_number = any(?)"
                + " and since <= ? and (valid_until is null or valid_until >= ?)",
            (c, ps) -> {
              ps.setArray(1, c.createArrayOf("varchar", members.toArray()));
              ps.setDate(2, Date.valueOf(date));
              ps.setDate(3, Date.valueOf(date));
            },
            rs -> new String[] {rs.getString(1), rs.getString(2)});
    rows.forEach(r -> out.put(r[0], r[1]));
    return out;
  }
}
