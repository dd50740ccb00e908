package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.openmiles.accrual.domain.FlightRuleKeys;
import org.openmiles.accrual.domain.FlightRuleKeys.MinimumKey;
import org.openmiles.accrual.domain.FlightRuleVersion;
import org.openmiles.accrual.domain.FlightRuleVersions;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;

/**
 * A carrier's minimum base miles per segment in a region as program managers change them (issue
 * 20): keyed {@code CARRIER:REGION} ({@code VN:DOMESTIC}); a version is the floor on a segment's
 * base miles under the distance model, 0 to 10,000 ({@code flight_earn_minimum}). Simulated on the
 * carrier's CREDITED flown coupons of the region, every class (base miles only; see {@link
 * FlightRuleAdministration#simulation}).
 */
@ApplicationScoped
public class FlightMinimumMilesAdministration extends FlightRuleAdministration<MinimumKey, Long> {
  /** The kind's name in paths and requests. */
  public static final String KIND = "flight-minimum-miles";

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Minimum miles per flight segment",
          "CARRIER:REGION, such as VN:DOMESTIC (the marketing carrier; DOMESTIC or INTERNATIONAL)",
          List.of(
              new RuleField(
                  "minimumMiles",
                  "whole number",
                  true,
                  "the least base miles a segment earns under the distance model: 0 to 10000")));

  public FlightMinimumMilesAdministration() {
    super(
        DESCRIPTION,
        new Rules<>(
            FlightRuleKeys::minimum,
            MinimumKey::carrier,
            FlightRuleVersion::minimumMiles,
            FlightRuleVersions::minimums,
            FlightRuleVersions::addMinimum,
            v -> Map.of("minimumMiles", Long.toString(v)),
            FlightRuleVersions::replayMinimum));
  }
}
