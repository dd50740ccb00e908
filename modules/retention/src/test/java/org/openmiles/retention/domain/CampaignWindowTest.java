package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CampaignWindowTest {

  @Test
  void onceEverHasOneKeyAndCountsEveryEarlierSelection() {
    CampaignWindow ever = CampaignWindow.onceEver();
    assertThat(ever.ever()).isTrue();
    assertThat(ever.key(LocalDate.of(2026, 12, 7))).isEqualTo("EVER");
    assertThat(ever.key(LocalDate.of(2031, 1, 1))).isEqualTo("EVER");
    assertThat(ever.notSelectedAfter(LocalDate.of(2026, 12, 7))).isEmpty();
  }

  @Test
  void daysWindowsShareAKeyWithinTheirBucketAndLookBackRolling() {
    CampaignWindow thirty = new CampaignWindow(30);
    LocalDate d = LocalDate.of(2026, 12, 7);
    String key = thirty.key(d);
    LocalDate start = LocalDate.parse(key);
    assertThat(start).isBeforeOrEqualTo(d);
    assertThat(start.toEpochDay() % 30).isZero();
    assertThat(thirty.key(start.plusDays(29))).isEqualTo(key);
    assertThat(thirty.key(start.plusDays(30))).isNotEqualTo(key);
    assertThat(thirty.key(start.minusDays(1))).isNotEqualTo(key);
    // a selection on d counts against later ones until d + 30: strictly after d - 30
    assertThat(thirty.notSelectedAfter(d)).contains(LocalDate.of(2026, 11, 7));
  }

  @Test
  void aWindowIsAtLeastADay() {
    assertThatThrownBy(() -> new CampaignWindow(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
