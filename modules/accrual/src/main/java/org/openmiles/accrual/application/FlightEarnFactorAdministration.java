package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.accrual.domain.FlightRuleKeys;
import org.openmiles.accrual.domain.FlightRuleKeys.FactorKey;
import org.openmiles.accrual.domain.FlightRuleVersion;
import org.openmiles.accrual.domain.FlightRuleVersion.Factors;
import org.openmiles.accrual.domain.FlightRuleVersions;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;

/**
 * A booking class's earn factors as program managers change them (issue 20): keyed {@code
 * CARRIER:CLASS:REGION} ({@code VN:Y:INTERNATIONAL}, the carrier marketing the flight, the region
 * DOMESTIC when both airports are in one country); a version is the earn factor (base miles =
 * distance × factor, rounded half up, at least the region's minimum) and the segment factor (how
 * many qualifying flights the segment counts for), checked as {@code flight_earn_factor}'s
 * constraints check a row. A version for a class the carrier has no row for yet makes the class
 * earn from its date. Simulated on the CREDITED flown coupons of the class and region (base miles
 * only; see {@link FlightRuleAdministration}).
 */
@ApplicationScoped
public class FlightEarnFactorAdministration extends FlightRuleAdministration<FactorKey, Factors> {
  /** The kind's name in paths and requests. */
  public static final String KIND = "flight-earn-factor";

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Flight earn factor of a booking class",
          "CARRIER:CLASS:REGION, such as VN:Y:INTERNATIONAL (the marketing carrier, one booking"
              + " class letter, DOMESTIC or INTERNATIONAL)",
          List.of(
              new RuleField(
                  "earnFactor",
                  "decimal",
                  true,
                  "base miles = distance × this, rounded half up, at least the region's minimum:"
                      + " above 0, at most 5, 2 decimals (1.10 = 110 % of the distance)"),
              new RuleField(
                  "segmentFactor",
                  "decimal",
                  true,
                  "qualifying flights the segment counts for: 0 to 2, 2 decimals")));

  public FlightEarnFactorAdministration() {
    super(
        DESCRIPTION,
        new Rules<>(
            FlightRuleKeys::factor,
            FactorKey::carrier,
            FlightRuleVersion::factors,
            FlightRuleVersions::factors,
            FlightRuleVersions::addFactors,
            v -> {
              Map<String, String> fields = new LinkedHashMap<>();
              fields.put("earnFactor", v.earnFactor().toPlainString());
              fields.put("segmentFactor", v.segmentFactor().toPlainString());
              return fields;
            },
            (store, k, v, from, to) -> store.replayFactor(k, v.earnFactor(), from, to)));
  }
}
