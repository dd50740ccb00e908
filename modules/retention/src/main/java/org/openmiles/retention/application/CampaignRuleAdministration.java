package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.UnknownRuleException;
import org.openmiles.program.api.VersionFields;
import org.openmiles.retention.domain.CampaignRule;
import org.openmiles.retention.domain.EngagementVersions;
import org.openmiles.retention.domain.Versioned;

/**
 * A campaign's rule as program managers change it (issue 20): keyed by the campaign's code ({@code
 * WIN_BACK}); a version is whole: the channel, the window within which a member is selected at most
 * once (left out: once ever), the days the rule looks back or ahead, the offer and whether the
 * campaign runs ({@code retention.campaign_version}, V10). Each campaign's selection is code (one
 * per campaign code, {@link org.openmiles.retention.infrastructure.JdbcCampaignStore}), so a code
 * not in the catalogue is {@code UNKNOWN_RULE}: no campaign is added here. A run reads the versions
 * in force on its run date afresh, so a version applies from its date on every instance with no
 * restart. Not simulated.
 */
@ApplicationScoped
public class CampaignRuleAdministration extends RetentionRules<CampaignRule> {
  /** The kind's name in paths and requests. */
  public static final String KIND = "campaign-rule";

  private static final Set<String> FIELDS =
      Set.of("channel", "windowDays", "lookbackDays", "offer", "active");

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Campaign rule",
          "the campaign's code: WELCOME, FIRST_FLIGHT, BEST_CUSTOMER, WIN_BACK, NEAR_NEXT_TIER or"
              + " MILES_EXPIRING",
          List.of(
              new RuleField(
                  "channel",
                  "choice",
                  true,
                  "EMAIL, SMS, OTT or PUSH: how the audience is reached (its consent is needed)"),
              new RuleField(
                  "windowDays",
                  "whole number",
                  false,
                  "a member is selected at most once in any that many days, from 1 (left out:"
                      + " once ever)"),
              new RuleField(
                  "lookbackDays",
                  "whole number",
                  true,
                  "how many days the rule looks back (enrolled, first flight) or ahead (expiring"
                      + " miles, tier period end), from 1"),
              new RuleField("offer", "text", true, "the offer sent: 1 to 300 characters"),
              new RuleField(
                  "active", "true or false", false, "whether the campaign runs (left out: true)")));

  @Inject EngagementVersions store;

  public CampaignRuleAdministration() {
    super(DESCRIPTION);
  }

  @Override
  String code(String key) {
    String code = code(key, 20);
    if (!store.campaignExists(code)) {
      throw new UnknownRuleException(
          KIND, code, "no such campaign (a campaign's selection is code: none is added here)");
    }
    return code;
  }

  @Override
  List<Versioned<CampaignRule>> versions(String code) {
    return store.campaignRules(code);
  }

  @Override
  boolean add(String code, CampaignRule version, LocalDate from, long change) {
    return store.addCampaignRule(code, version, from, change);
  }

  @Override
  CampaignRule version(String code, Map<String, String> fields, LocalDate from) {
    VersionFields f = new VersionFields(fields, FIELDS);
    String channel = f.choice("channel", true, CampaignRule.CHANNELS);
    Integer window = integer(f, "windowDays", false, 1);
    Integer lookback = integer(f, "lookbackDays", true, 1);
    String offer = text(f, "offer", true, 300);
    boolean active = f.yesNo("active", true);
    f.throwIfInvalid();
    return new CampaignRule(channel, window, lookback, offer, active);
  }

  @Override
  Map<String, String> fields(CampaignRule r) {
    return named(
        "channel",
        r.channel(),
        "windowDays",
        r.windowDays(),
        "lookbackDays",
        r.lookbackDays(),
        "offer",
        r.offer(),
        "active",
        r.active());
  }
}
