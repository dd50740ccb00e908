package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openmiles.accrual.domain.PartnerRuleVersions;
import org.openmiles.accrual.domain.PartnerRuleVersions.MilePrice;
import org.openmiles.accrual.domain.PartnerRuleVersions.Replay;
import org.openmiles.accrual.domain.PartnerRuleVersions.WrittenPrice;
import org.openmiles.program.api.RuleAdministration;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.Simulation;
import org.openmiles.program.api.VersionExistsException;
import org.openmiles.program.api.VersionFields;

/**
 * A partner's price per mile issued as program managers change it (issue 20): what monthly
 * settlement bills the partner for each mile its records earned, the price in force at the end of
 * the month (docs/program.md "Partners"). Keyed by the partner's code; a version is a price above 0
 * ({@code numeric(12,6)}) and its currency.
 */
@ApplicationScoped
public class PartnerMilePriceAdministration implements RuleAdministration {
  /** The kind's name in paths and requests. */
  public static final String KIND = "partner-mile-price";

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Partner price per mile",
          "the partner's code, such as DEMO_BANK",
          List.of(
              new RuleField(
                  "pricePerMile",
                  "decimal",
                  true,
                  "what the partner pays for each mile issued: above 0, at most 6 decimals"),
              new RuleField("currency", "currency", true, "ISO 4217, such as USD or VND")));

  @Inject PartnerRuleVersions store;
  @Inject RulePartners partners;
  @Inject Clock clock;

  @Override
  public RuleKind kind() {
    return DESCRIPTION;
  }

  @Override
  public void validate(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    String partner = partners.partner(key, KIND, key);
    price(fields, effectiveFrom);
    if (store.prices(partner).stream().anyMatch(w -> w.price().from().equals(effectiveFrom))) {
      throw new VersionExistsException(KIND, key, effectiveFrom);
    }
  }

  @Override
  public Optional<RuleVersion> inForce(String key, LocalDate on) {
    String partner = partners.partner(key, KIND, key);
    return PartnerReplays.priceOn(store.prices(partner), on).map(w -> version(partner, w));
  }

  @Override
  public String apply(
      String key, Map<String, String> fields, LocalDate effectiveFrom, long change) {
    String partner = partners.partner(key, KIND, key);
    if (!store.addPrice(partner, price(fields, effectiveFrom), change)) {
      throw new VersionExistsException(KIND, key, effectiveFrom);
    }
    return partner + "@" + effectiveFrom;
  }

  @Override
  public Optional<Simulation> simulate(
      String key, Map<String, String> fields, LocalDate from, LocalDate to) {
    long start = System.nanoTime();
    String partner = partners.partner(key, KIND, key);
    Replay r = store.replayCredited(partner, from, to);
    Optional<MilePrice> now =
        PartnerReplays.priceOn(store.prices(partner), to).map(WrittenPrice::price);
    return Optional.of(
        PartnerReplays.simulation(
            r, now, Optional.of(price(fields, from)), from, to, clock, start, List.of()));
  }

  private static MilePrice price(Map<String, String> fields, LocalDate from) {
    VersionFields f = new VersionFields(fields, Set.of("pricePerMile", "currency"));
    BigDecimal perMile = f.decimal("pricePerMile", true, false, 6, 6);
    String currency = f.currency("currency", true);
    f.throwIfInvalid();
    return new MilePrice(perMile, currency, from, null);
  }

  private static RuleVersion version(String partner, WrittenPrice w) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("pricePerMile", w.price().perMile().toPlainString());
    fields.put("currency", w.price().currency());
    return new RuleVersion(
        partner + "@" + w.price().from(), w.price().from(), w.price().to(), fields, w.change());
  }
}
