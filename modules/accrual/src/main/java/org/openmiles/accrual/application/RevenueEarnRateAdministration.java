package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.openmiles.accrual.domain.FlightRuleKeys;
import org.openmiles.accrual.domain.FlightRuleKeys.RateKey;
import org.openmiles.accrual.domain.FlightRuleVersion;
import org.openmiles.accrual.domain.FlightRuleVersions;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;

/**
 * A carrier's revenue earn rate for a tier as program managers change it (issue 20): keyed {@code
 * CARRIER:TIER:CURRENCY} ({@code VN:GOLD:USD}); a version is the miles per unit of base fare in the
 * currency, above 0 with two decimals ({@code revenue_earn_rate}). Used only on days the carrier's
 * earn model is REVENUE: a flight earns fare × its member's tier rate, the MEMBER rate's share
 * qualifying. Not simulated yet.
 */
@ApplicationScoped
public class RevenueEarnRateAdministration extends FlightRuleAdministration<RateKey, BigDecimal> {
  /** The kind's name in paths and requests. */
  public static final String KIND = "revenue-earn-rate";

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Revenue earn rate of a tier",
          "CARRIER:TIER:CURRENCY, such as VN:GOLD:USD (tier "
              + String.join(", ", FlightRuleKeys.TIERS)
              + ")",
          List.of(
              new RuleField(
                  "milesPerUnit",
                  "decimal",
                  true,
                  "miles per unit of base fare in the currency for the tier, the tier's advantage"
                      + " included: above 0, 2 decimals")));

  public RevenueEarnRateAdministration() {
    super(
        DESCRIPTION,
        new Rules<>(
            FlightRuleKeys::rate,
            RateKey::carrier,
            FlightRuleVersion::milesPerUnit,
            FlightRuleVersions::revenueRates,
            FlightRuleVersions::addRevenueRate,
            v -> Map.of("milesPerUnit", v.toPlainString()),
            null));
  }
}
