package org.openmiles.tiers.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.tiers.domain.TierDefinition;
import org.openmiles.tiers.domain.TierDefinitionVersions;

/** Versions of tier definitions in {@code tiers.tier_definition}, by JDBC. */
@ApplicationScoped
public class JdbcTierDefinitionVersions implements TierDefinitionVersions {
  @Inject Jdbc jdbc;

  @Override
  public List<Written> versions(String code) {
    return jdbc.list(
        "read the versions of tier " + code,
        """
        select code, name, tier_rank, qm_threshold, qf_threshold, lifetime_qm_threshold, lifetime,
               flight_bonus_pct, qs_threshold, effective_from, effective_to, change_id
          from tiers.tier_definition where code = ? order by effective_from""",
        (c, ps) -> ps.setString(1, code),
        rs ->
            new Written(
                JdbcTierProgramRepository.definition(rs),
                rs.getDate("effective_from").toLocalDate(),
                Jdbc.dateOrNull(rs, "effective_to"),
                Jdbc.longOrNull(rs, "change_id")));
  }

  @Override
  public boolean add(TierDefinition t, LocalDate from, long change) {
    return jdbc.update(
            "add a version of tier " + t.code(),
            """
            insert into tiers.tier_definition (code, effective_from, tier_rank, name, qm_threshold,
                   qf_threshold, lifetime_qm_threshold, lifetime, flight_bonus_pct, qs_threshold,
                   change_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (code, effective_from) do nothing""",
            (c, ps) -> {
              ps.setString(1, t.code());
              ps.setDate(2, Date.valueOf(from));
              ps.setInt(3, t.rank());
              ps.setString(4, t.name());
              if (t.lifetime()) {
                ps.setNull(5, Types.BIGINT);
                ps.setNull(6, Types.INTEGER);
                ps.setLong(7, t.lifetimeMilesThreshold());
              } else {
                ps.setLong(5, t.milesThreshold());
                ps.setInt(6, t.flightsThreshold().intValueExact());
                ps.setNull(7, Types.BIGINT);
              }
              ps.setBoolean(8, t.lifetime());
              ps.setInt(9, t.flightBonusPercent());
              ps.setBigDecimal(10, t.spendThreshold());
              ps.setLong(11, change);
            })
        == 1;
  }
}
