package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openmiles.accrual.domain.FlightRuleKeys;
import org.openmiles.accrual.domain.FlightRuleKeys.RateKey;
import org.openmiles.accrual.domain.FlightRuleVersion;
import org.openmiles.accrual.domain.FlightRuleVersions;
import org.openmiles.accrual.domain.FlightRuleVersions.Written;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;

/**
 * The earn model of a carrier's flights as program managers change it (issue 20): keyed by the
 * marketing carrier's code ({@code VN}); a version is DISTANCE (distance × the booking class's
 * factor) or REVENUE (base fare × the member's tier rate). REVENUE is refused for a carrier with no
 * MEMBER revenue rate in force on the date, in any currency: switched to a model it cannot rate,
 * the carrier would have every flight rejected ({@code NO_REVENUE_RATE}). Not simulated.
 */
@ApplicationScoped
public class FlightEarnModelAdministration extends FlightRuleAdministration<String, String> {
  /** The kind's name in paths and requests. */
  public static final String KIND = "flight-earn-model";

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Flight earn model of a carrier",
          "the marketing carrier's code, such as VN",
          List.of(
              new RuleField(
                  "model",
                  "DISTANCE or REVENUE",
                  true,
                  "DISTANCE: distance × the booking class's factor; REVENUE: base fare × the"
                      + " member's tier rate (the carrier needs a MEMBER revenue rate on the date)")));

  public FlightEarnModelAdministration() {
    super(
        DESCRIPTION,
        new Rules<>(
            FlightRuleKeys::model,
            carrier -> carrier,
            FlightRuleVersion::model,
            FlightRuleVersions::models,
            FlightRuleVersions::addModel,
            v -> Map.of("model", v),
            null));
  }

  @Override
  String version(String carrier, Map<String, String> fields, LocalDate from) {
    String model = FlightRuleVersion.model(fields);
    if (model.equals("REVENUE") && from != null && !ratesMembersOn(carrier, from)) {
      throw ValidationException.of(
          "model",
          carrier
              + " has no revenue earn rate for tier MEMBER in force on "
              + from
              + ": add one (revenue-earn-rate "
              + carrier
              + ":MEMBER:<currency>) first, or every flight would be rejected");
    }
    return model;
  }

  /** Whether the carrier has a MEMBER revenue rate in force on {@code date}, in any currency. */
  private boolean ratesMembersOn(String carrier, LocalDate date) {
    return store.revenueCurrencies(carrier).stream()
        .anyMatch(
            c ->
                Written.inForce(store.revenueRates(new RateKey(carrier, "MEMBER", c)), date)
                    .isPresent());
  }
}
