package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.openmiles.accrual.api.EarnBasis;
import org.openmiles.accrual.domain.PartnerEarnRule;
import org.openmiles.accrual.domain.PartnerEarnRuleVersions;
import org.openmiles.common.jdbc.Jdbc;

/** Versions of partner earn rules in {@code accrual.partner_earn_rule}, by JDBC. */
@ApplicationScoped
public class JdbcPartnerEarnRuleVersions implements PartnerEarnRuleVersions {
  @Inject Jdbc jdbc;

  @Override
  public Optional<String> partnerKind(String partnerCode) {
    return jdbc.first(
        "read partner " + partnerCode,
        "select kind from accrual.partner where code = ?",
        (c, ps) -> ps.setString(1, partnerCode),
        rs -> rs.getString(1));
  }

  @Override
  public List<Written> versions(String partnerCode, EarnBasis basis) {
    return jdbc.list(
        "read the earn rule versions of " + partnerCode,
        """
        select miles, per_quantity, currency, max_miles_per_record, effective_from, effective_to,
               change_id
          from accrual.partner_earn_rule where partner_code = ? and basis = ?
         order by effective_from""",
        (c, ps) -> {
          ps.setString(1, partnerCode);
          ps.setString(2, basis.name());
        },
        rs -> {
          long cap = rs.getLong("max_miles_per_record");
          Long max = rs.wasNull() ? null : cap;
          Date to = rs.getDate("effective_to");
          long change = rs.getLong("change_id");
          Long by = rs.wasNull() ? null : change;
          return new Written(
              new PartnerEarnRule(
                  basis,
                  rs.getLong("miles"),
                  rs.getBigDecimal("per_quantity"),
                  rs.getString("currency"),
                  max,
                  rs.getDate("effective_from").toLocalDate(),
                  to == null ? null : to.toLocalDate()),
              by);
        });
  }

  @Override
  public boolean add(String partnerCode, PartnerEarnRule rule, long change) {
    return jdbc.update(
            "add a version of the earn rule of " + partnerCode,
            """
            insert into accrual.partner_earn_rule (partner_code, basis, effective_from, miles,
                   per_quantity, currency, max_miles_per_record, change_id)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (partner_code, basis, effective_from) do nothing""",
            (c, ps) -> {
              ps.setString(1, partnerCode);
              ps.setString(2, rule.basis().name());
              ps.setDate(3, Date.valueOf(rule.effectiveFrom()));
              ps.setInt(4, Math.toIntExact(rule.miles()));
              ps.setBigDecimal(5, rule.perQuantity());
              ps.setString(6, rule.currency());
              if (rule.maxMilesPerRecord() == null) {
                ps.setNull(7, Types.INTEGER);
              } else {
                ps.setInt(7, Math.toIntExact(rule.maxMilesPerRecord()));
              }
              ps.setLong(8, change);
            })
        == 1;
  }
}
