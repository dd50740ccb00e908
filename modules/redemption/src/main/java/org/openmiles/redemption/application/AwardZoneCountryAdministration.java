package org.openmiles.redemption.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.redemption.domain.RedemptionRuleKeys;
import org.openmiles.redemption.domain.RedemptionRuleVersion;
import org.openmiles.redemption.domain.RedemptionRuleVersions.Written;

/**
 * The award zone of a country as program managers change it (issue 20): keyed by the country's two
 * letters, a version names an existing award zone ({@code award_zone_country}), in force by travel
 * date. This is how route groups change: a route group joins two zones, so moving a country moves
 * its airports' awards to the route group of its new zone. A country with no zone yet may be given
 * one (its airports then have awards); an unknown zone is refused.
 */
@ApplicationScoped
public class AwardZoneCountryAdministration extends RedemptionRuleAdministration<String, String> {
  /** The kind's name in paths and requests. */
  public static final String KIND = "award-zone-country";

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Award zone of a country",
          "COUNTRY: two letters (ISO 3166), such as TH; the zone applies to awards to and from the"
              + " country's airports, by travel date",
          List.of(
              new RuleField(
                  "zone",
                  "choice",
                  true,
                  "the award zone the country's airports belong to: an existing zone's code, such"
                      + " as SEA")));

  public AwardZoneCountryAdministration() {
    super(DESCRIPTION);
  }

  @Override
  String key(String key) {
    return RedemptionRuleKeys.country(key);
  }

  @Override
  String version(String country, Map<String, String> fields, LocalDate from) {
    return RedemptionRuleVersion.zone(fields, store.zones());
  }

  @Override
  List<Written<String>> written(String country) {
    return store.zoneOf(country);
  }

  @Override
  boolean add(String country, LocalDate from, String zone, long change) {
    return store.addZoneOf(country, from, zone, change);
  }

  @Override
  Map<String, String> fields(String zone) {
    return Map.of("zone", zone);
  }
}
