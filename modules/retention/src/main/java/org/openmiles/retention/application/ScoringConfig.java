package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.openmiles.retention.domain.ChurnRules;
import org.openmiles.retention.domain.ScoringSettings;

/**
 * The scoring job's settings from MicroProfile Config ({@code openmiles.retention.*}, defaults in
 * {@link ScoringSettings#defaults()}, all listed in docs/retention.md). Read once; a bad value is
 * refused with the property's name when the job first needs them.
 */
@ApplicationScoped
public class ScoringConfig {

  private volatile ScoringSettings settings;

  /** Dependent (a record is final, so it cannot be proxied), read once and kept here. */
  @Produces
  ScoringSettings settings() {
    ScoringSettings s = settings;
    if (s == null) {
      s = read(ConfigProvider.getConfig());
      settings = s;
    }
    return s;
  }

  /** The settings {@code config} gives, over the defaults. */
  static ScoringSettings read(Config config) {
    ScoringSettings d = ScoringSettings.defaults();
    ChurnRules churn = d.churn();
    String segments =
        config
            .getOptionalValue("openmiles.retention.segments", String.class)
            .orElse(ScoringSettings.format(d.segments()));
    return new ScoringSettings(
        intOf(config, "openmiles.retention.window-months", d.windowMonths()),
        config
            .getOptionalValue("openmiles.retention.mile-value", BigDecimal.class)
            .orElse(d.mileValue()),
        doubleOf(config, "openmiles.retention.clv.discount-rate", d.discountRate()),
        intOf(config, "openmiles.retention.clv.months", d.clvMonths()),
        new ChurnRules(
            doubleOf(config, "openmiles.retention.churn.p-alive-below", churn.pAliveThreshold()),
            doubleOf(config, "openmiles.retention.churn.gap-factor", churn.gapFactor()),
            intOf(config, "openmiles.retention.churn.min-gap-days", churn.minGapDays()),
            intOf(config, "openmiles.retention.churn.tier-days", churn.tierWindowDays())),
        intOf(config, "openmiles.retention.churn.expiry-days", d.expiryWindowDays()),
        ScoringSettings.parseSegments(segments),
        intOf(config, "openmiles.retention.stale-minutes", d.staleMinutes()));
  }

  private static int intOf(Config config, String name, int fallback) {
    return config.getOptionalValue(name, Integer.class).orElse(fallback);
  }

  private static double doubleOf(Config config, String name, double fallback) {
    return config.getOptionalValue(name, Double.class).orElse(fallback);
  }
}
