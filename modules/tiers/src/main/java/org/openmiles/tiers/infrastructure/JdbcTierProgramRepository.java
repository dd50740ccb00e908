package org.openmiles.tiers.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.tiers.domain.QualificationPeriod;
import org.openmiles.tiers.domain.TierDefinition;
import org.openmiles.tiers.domain.TierProgram;
import org.openmiles.tiers.domain.TierProgramRepository;

/**
 * The tier program (rules and tier definitions) in force on a date, from the effective-dated rows.
 */
@ApplicationScoped
public class JdbcTierProgramRepository implements TierProgramRepository {

  /**
   * Rows of {@code table} in force on the date bound to both {@code ?}: latest start, not ended.
   */
  private static final String IN_FORCE =
      """
      t.effective_from = (select max(x.effective_from) from tiers.%1$s x
                          where %2$s and x.effective_from <= ?)
      and (t.effective_to is null or ? < t.effective_to)""";

  @Inject Jdbc jdbc;

  @Override
  public TierProgram programOn(LocalDate day) {
    Date d = Date.valueOf(day);
    List<TierDefinition> tiers =
        jdbc.list(
            "read the tier definitions in force",
            """
            select code, name, tier_rank, qm_threshold, qf_threshold, lifetime_qm_threshold,
              lifetime, flight_bonus_pct, qs_threshold
            from tiers.tier_definition t where
            """
                + IN_FORCE.formatted("tier_definition", "x.code = t.code"),
            (c, ps) -> onDay(ps, d),
            JdbcTierProgramRepository::definition);
    return jdbc.first(
            "read the tier program in force",
            """
            select qualification_period, review_drop_tiers, validity_periods, spend_currency
            from tiers.tier_program t where
            """
                + IN_FORCE.formatted("tier_program", "true"),
            (c, ps) -> onDay(ps, d),
            rs ->
                new TierProgram(
                    QualificationPeriod.valueOf(rs.getString("qualification_period")),
                    rs.getInt("review_drop_tiers"),
                    rs.getInt("validity_periods"),
                    tiers,
                    rs.getString("spend_currency")))
        .orElseThrow(() -> new IllegalStateException("no tier program is in force on " + day));
  }

  /** A tier definition from a row of {@code tiers.tier_definition} (its columns by name). */
  static TierDefinition definition(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new TierDefinition(
        rs.getString("code"),
        rs.getString("name"),
        rs.getInt("tier_rank"),
        rs.getLong("qm_threshold"),
        rs.getBigDecimal("qf_threshold"),
        rs.getLong("lifetime_qm_threshold"),
        rs.getBoolean("lifetime"),
        rs.getInt("flight_bonus_pct"),
        rs.getBigDecimal("qs_threshold"));
  }

  private static void onDay(java.sql.PreparedStatement ps, Date d) throws java.sql.SQLException {
    ps.setDate(1, d);
    ps.setDate(2, d);
  }
}
