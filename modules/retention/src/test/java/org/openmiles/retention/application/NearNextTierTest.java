package org.openmiles.retention.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmiles.tiers.api.TierProgressView;
import org.openmiles.tiers.api.TierStatusView;

class NearNextTierTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  private static TierStatusView status(LocalDate periodTo, TierProgressView next) {
    return new TierStatusView(
        "1000000016",
        "MEMBER",
        "Member",
        null,
        "MEMBER",
        null,
        null,
        null,
        "CALENDAR_YEAR",
        LocalDate.of(2026, 1, 1),
        periodTo,
        12_000,
        BigDecimal.ONE,
        null,
        null,
        12_000,
        next,
        null);
  }

  private static TierProgressView needs(long miles) {
    return new TierProgressView("TITANIUM", miles, BigDecimal.TEN, null);
  }

  @Test
  void aFewMilesShortBeforeThePeriodEndsIsNear() {
    TierStatusView s = status(LocalDate.of(2026, 12, 31), needs(3_000));
    assertThat(NearNextTier.near(s, TODAY, 60, 5_000)).isTrue();
    assertThat(NearNextTier.reason(s))
        .isEqualTo("3,000 qualifying miles to TITANIUM by 2026-12-31");
  }

  @Test
  void tooFarTooEarlyAlreadyThereOrNoTierAboveIsNot() {
    assertThat(
            NearNextTier.near(status(LocalDate.of(2026, 12, 31), needs(5_001)), TODAY, 60, 5_000))
        .isFalse();
    assertThat(NearNextTier.near(status(LocalDate.of(2027, 3, 31), needs(1_000)), TODAY, 60, 5_000))
        .isFalse();
    assertThat(NearNextTier.near(status(LocalDate.of(2026, 12, 31), needs(0)), TODAY, 60, 5_000))
        .isFalse();
    assertThat(NearNextTier.near(status(LocalDate.of(2026, 12, 31), null), TODAY, 60, 5_000))
        .isFalse();
    assertThat(NearNextTier.near(status(LocalDate.of(2026, 12, 6), needs(1_000)), TODAY, 60, 5_000))
        .isFalse();
  }
}
