package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.openmiles.accrual.domain.Dated;
import org.openmiles.accrual.domain.EarnRuleRepository;
import org.openmiles.accrual.domain.FlightEarning;
import org.openmiles.common.jdbc.Jdbc;

/**
 * Flight earn rules in the {@code accrual} schema: {@code flight_earn_model}, {@code
 * flight_earn_factor}, {@code flight_earn_minimum}, {@code revenue_earn_rate} and {@code
 * spend_conversion_rate}.
 */
@ApplicationScoped
public class JdbcEarnRuleRepository implements EarnRuleRepository {

  @Inject Jdbc jdbc;

  @Override
  public List<FlightEarning.Factor> earnFactors(String carrier) {
    return jdbc.list(
        "read the earn factors of " + carrier,
        """
        select carrier_code, booking_class, region, earn_factor, segment_factor, effective_from,
               effective_to
          from accrual.flight_earn_factor where carrier_code = ?""",
        (c, ps) -> ps.setString(1, carrier),
        rs -> {
          Date to = rs.getDate("effective_to");
          return new FlightEarning.Factor(
              rs.getString("carrier_code"),
              rs.getString("booking_class").strip(),
              FlightEarning.Region.valueOf(rs.getString("region")),
              rs.getBigDecimal("earn_factor"),
              rs.getBigDecimal("segment_factor"),
              rs.getDate("effective_from").toLocalDate(),
              to == null ? null : to.toLocalDate());
        });
  }

  @Override
  public List<Dated<Long>> minimumMiles(String carrier, String region) {
    return RuleVersions.read(
        jdbc,
        "read the minimum miles of " + carrier,
        """
        select minimum_miles, effective_from, effective_to from accrual.flight_earn_minimum
         where carrier_code = ? and region = ?""",
        List.of(carrier, region),
        rs -> rs.getLong("minimum_miles"));
  }

  @Override
  public List<Dated<String>> earnModels(String carrier) {
    return RuleVersions.read(
        jdbc,
        "read the earn model of " + carrier,
        """
        select model, effective_from, effective_to from accrual.flight_earn_model
         where carrier_code = ?""",
        List.of(carrier),
        rs -> rs.getString("model"));
  }

  @Override
  public List<Dated<BigDecimal>> revenueRates(String carrier, String tier, String currency) {
    return RuleVersions.read(
        jdbc,
        "read the revenue rate of " + carrier,
        """
        select miles_per_unit, effective_from, effective_to from accrual.revenue_earn_rate
         where carrier_code = ? and tier_code = ? and currency = ?""",
        List.of(carrier, tier, currency),
        rs -> rs.getBigDecimal("miles_per_unit"));
  }

  @Override
  public List<String> revenueCurrencies(String carrier) {
    return jdbc.list(
        "read the revenue rate currencies of " + carrier,
        """
        select distinct currency from accrual.revenue_earn_rate where carrier_code = ?
         order by currency""",
        (c, ps) -> ps.setString(1, carrier),
        rs -> rs.getString("currency"));
  }

  @Override
  public List<Dated<BigDecimal>> spendRates(String fareCurrency, String spendCurrency) {
    return RuleVersions.read(
        jdbc,
        "read the spend conversion rate " + fareCurrency + "-" + spendCurrency,
        """
        select units_per_unit, effective_from, effective_to from accrual.spend_conversion_rate
         where fare_currency = ? and spend_currency = ?""",
        List.of(fareCurrency, spendCurrency),
        rs -> rs.getBigDecimal("units_per_unit"));
  }
}
