package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The effective-dated rules by which flights earn: each carrier's earn model, its earn factors and
 * minimum miles (distance model), its revenue rates (revenue model), and the rates converting fares
 * between currencies.
 */
public interface EarnRuleRepository {

  List<FlightEarning.Factor> earnFactors(String carrier);

  /** Every version of the minimum base miles per segment for a carrier and region. */
  List<Dated<Long>> minimumMiles(String carrier, String region);

  /** The minimum base miles per segment for a carrier and region on a date (0 if none). */
  default long minimumMiles(String carrier, String region, LocalDate date) {
    return Dated.inForce(minimumMiles(carrier, region), date).orElse(0L);
  }

  /** Every version of a carrier's earn model (DISTANCE or REVENUE). */
  List<Dated<String>> earnModels(String carrier);

  /** The earn model of a carrier on a date, if the carrier earns at all. */
  default Optional<String> earnModel(String carrier, LocalDate date) {
    return Dated.inForce(earnModels(carrier), date);
  }

  /** Every version of the miles per currency unit of a carrier's revenue model for a tier. */
  List<Dated<BigDecimal>> revenueRates(String carrier, String tier, String currency);

  /** The currencies in which a carrier's revenue model has earn rates (USD for the seeded VN). */
  List<String> revenueCurrencies(String carrier);

  /**
   * Every version of the rate converting fares in {@code fareCurrency} to {@code spendCurrency}
   * (units of the spend currency per unit of the fare's).
   */
  List<Dated<BigDecimal>> spendRates(String fareCurrency, String spendCurrency);
}
