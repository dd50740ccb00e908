package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.openmiles.accrual.api.EarnBasis;
import org.openmiles.accrual.domain.PartnerEarnRule;
import org.openmiles.accrual.domain.PartnerRuleVersions;
import org.openmiles.common.jdbc.Jdbc;

/**
 * Versions of partner earn rules and mile prices in {@code accrual.partner_earn_rule} and {@code
 * accrual.partner_mile_price}, by JDBC.
 */
@ApplicationScoped
public class JdbcPartnerRuleVersions implements PartnerRuleVersions {
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
          return new Written(
              new PartnerEarnRule(
                  basis,
                  rs.getLong("miles"),
                  rs.getBigDecimal("per_quantity"),
                  rs.getString("currency"),
                  Jdbc.longOrNull(rs, "max_miles_per_record"),
                  rs.getDate("effective_from").toLocalDate(),
                  Jdbc.dateOrNull(rs, "effective_to")),
              Jdbc.longOrNull(rs, "change_id"));
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

  @Override
  public List<WrittenPrice> prices(String partnerCode) {
    return jdbc.list(
        "read the mile prices of " + partnerCode,
        """
        select price_per_mile, currency, effective_from, effective_to, change_id
          from accrual.partner_mile_price where partner_code = ? order by effective_from""",
        (c, ps) -> ps.setString(1, partnerCode),
        rs ->
            new WrittenPrice(
                new MilePrice(
                    rs.getBigDecimal("price_per_mile"),
                    rs.getString("currency"),
                    rs.getDate("effective_from").toLocalDate(),
                    Jdbc.dateOrNull(rs, "effective_to")),
                Jdbc.longOrNull(rs, "change_id")));
  }

  @Override
  public boolean addPrice(String partnerCode, MilePrice price, long change) {
    return jdbc.update(
            "add a mile price of " + partnerCode,
            """
            insert into accrual.partner_mile_price (partner_code, effective_from, price_per_mile,
                   currency, change_id)
            values (?, ?, ?, ?, ?)
            on conflict (partner_code, effective_from) do nothing""",
            (c, ps) -> {
              ps.setString(1, partnerCode);
              ps.setDate(2, Date.valueOf(price.from()));
              ps.setBigDecimal(3, price.perMile());
              ps.setString(4, price.currency());
              ps.setLong(5, change);
            })
        == 1;
  }
}
