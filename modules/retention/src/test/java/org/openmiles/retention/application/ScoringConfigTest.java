package org.openmiles.retention.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;
import org.openmiles.retention.domain.ScoringSettings;

class ScoringConfigTest {

  /** A Config over a map, converting the few types the settings read. */
  private static Config config(Map<String, String> values) {
    return new Config() {
      @Override
      public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow();
      }

      @Override
      public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        String v = values.get(name);
        if (v == null) {
          return Optional.empty();
        }
        Object out =
            type == Integer.class
                ? Integer.valueOf(v)
                : type == Double.class
                    ? Double.valueOf(v)
                    : type == BigDecimal.class ? new BigDecimal(v) : v;
        return Optional.of((T) out);
      }

      @Override
      public Iterable<String> getPropertyNames() {
        return values.keySet();
      }

      @Override
      public Iterable<ConfigSource> getConfigSources() {
        return java.util.List.of();
      }

      @Override
      public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
      }

      @Override
      public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void nothingConfiguredGivesTheDefaults() {
    assertThat(ScoringConfig.read(config(Map.of()))).isEqualTo(ScoringSettings.defaults());
  }

  @Test
  void eachPropertyIsRead() {
    Map<String, String> v = new HashMap<>();
    v.put("openmiles.retention.window-months", "6");
    v.put("openmiles.retention.mile-value", "0.02");
    v.put("openmiles.retention.clv.discount-rate", "0.08");
    v.put("openmiles.retention.clv.months", "24");
    v.put("openmiles.retention.churn.p-alive-below", "0.4");
    v.put("openmiles.retention.churn.gap-factor", "2.5");
    v.put("openmiles.retention.churn.min-gap-days", "45");
    v.put("openmiles.retention.churn.tier-days", "60");
    v.put("openmiles.retention.churn.expiry-days", "30");
    v.put("openmiles.retention.segments", "Active:3-5:1-5;Dormant:1-2:1-5");
    ScoringSettings s = ScoringConfig.read(config(v));
    assertThat(s.windowMonths()).isEqualTo(6);
    assertThat(s.mileValue()).isEqualByComparingTo("0.02");
    assertThat(s.discountRate()).isEqualTo(0.08);
    assertThat(s.clvMonths()).isEqualTo(24);
    assertThat(s.churn().pAliveThreshold()).isEqualTo(0.4);
    assertThat(s.churn().gapFactor()).isEqualTo(2.5);
    assertThat(s.churn().minGapDays()).isEqualTo(45);
    assertThat(s.churn().tierWindowDays()).isEqualTo(60);
    assertThat(s.expiryWindowDays()).isEqualTo(30);
    assertThat(s.segments().rules()).hasSize(2);
  }

  @Test
  void aBadValueIsRefusedNamingItsProperty() {
    assertThatThrownBy(
            () -> ScoringConfig.read(config(Map.of("openmiles.retention.window-months", "99"))))
        .hasMessageContaining("openmiles.retention.window-months");
    assertThatThrownBy(
            () ->
                ScoringConfig.read(
                    config(Map.of("openmiles.retention.churn.p-alive-below", "1.2"))))
        .hasMessageContaining("P(alive)");
  }
}
