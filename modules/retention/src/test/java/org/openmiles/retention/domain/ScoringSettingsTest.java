package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScoringSettingsTest {

  @Test
  void theStandardMapReadsBackFromItsText() {
    String text = ScoringSettings.format(RfmSegments.STANDARD);
    assertThat(text).startsWith("Champions:5-5:4-5;Loyal:3-4:4-5;Can't lose them:1-2:5-5;");
    assertThat(ScoringSettings.parseSegments(text)).isEqualTo(RfmSegments.STANDARD);
  }

  @Test
  void aMapOfOwnSegmentsIsAccepted() {
    RfmSegments two = ScoringSettings.parseSegments(" Active : 3-5 : 1-5 ; Dormant:1-2:1-5 ");
    assertThat(two.segment(5, 1, 1)).isEqualTo("Active");
    assertThat(two.segment(2, 5, 5)).isEqualTo("Dormant");
  }

  @Test
  void aMapWithAHoleOrABadRuleIsRefusedNamingTheProperty() {
    assertThatThrownBy(() -> ScoringSettings.parseSegments("Active:3-5:1-5"))
        .hasMessageStartingWith("openmiles.retention.segments")
        .hasMessageContaining("R1 FM1");
    assertThatThrownBy(() -> ScoringSettings.parseSegments("Active:3-5"))
        .hasMessageContaining("rule 'Active:3-5'");
    assertThatThrownBy(() -> ScoringSettings.parseSegments("Active:0-5:1-5"))
        .hasMessageContaining("rule 'Active:0-5:1-5'");
    assertThatThrownBy(() -> ScoringSettings.parseSegments("Active:x-5:1-5"))
        .hasMessageContaining("not a range");
    assertThatThrownBy(() -> ScoringSettings.parseSegments(" ")).hasMessageContaining("empty");
  }

  @Test
  void valuesOutOfRangeAreRefusedNamingTheProperty() {
    ScoringSettings d = ScoringSettings.defaults();
    assertThatThrownBy(
            () -> new ScoringSettings(0, d.mileValue(), 0.1, 36, d.churn(), 90, d.segments(), 30))
        .hasMessage("openmiles.retention.window-months must be 1 to 60");
    assertThatThrownBy(
            () ->
                new ScoringSettings(
                    12, new BigDecimal("-1"), 0.1, 36, d.churn(), 90, d.segments(), 30))
        .hasMessageContaining("openmiles.retention.mile-value");
    assertThatThrownBy(
            () -> new ScoringSettings(12, d.mileValue(), 1.5, 36, d.churn(), 90, d.segments(), 30))
        .hasMessageContaining("openmiles.retention.clv.discount-rate");
    assertThatThrownBy(
            () -> new ScoringSettings(12, d.mileValue(), 0.1, 0, d.churn(), 90, d.segments(), 30))
        .hasMessageContaining("openmiles.retention.clv.months");
    assertThatThrownBy(
            () -> new ScoringSettings(12, d.mileValue(), 0.1, 36, d.churn(), 0, d.segments(), 30))
        .hasMessageContaining("openmiles.retention.churn.expiry-days");
  }

  @Test
  void theMonthlyDiscountCompoundsToTheYearlyRate() {
    ScoringSettings d = ScoringSettings.defaults();
    assertThat(Math.pow(1 + d.monthlyDiscount(), 12) - 1)
        .isCloseTo(0.10, org.assertj.core.api.Assertions.within(1e-12));
  }
}
