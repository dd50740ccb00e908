package org.openmiles.redemption.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.BalanceView.ExpiringMiles;

class RedemptionRuleTest {
  private static final RedemptionRule DEFAULT =
      new RedemptionRule(1_500, BigDecimal.ZERO, true, 5, true, new BigDecimal("30"), 16);
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  @Test
  void feeIsTheGreaterOfFixedAndPercentNeverMoreThanTheAward() {
    assertThat(DEFAULT.cancelFee(7_000)).isEqualTo(1_500);
    assertThat(DEFAULT.cancelFee(1_000)).isEqualTo(1_000);
    RedemptionRule pct =
        new RedemptionRule(1_500, new BigDecimal("10"), true, 5, true, BigDecimal.ZERO, 16);
    assertThat(pct.cancelFee(50_000)).isEqualTo(5_000);
    assertThat(pct.cancelFee(10_000)).isEqualTo(1_500);
  }

  @Test
  void surchargeForNonNomineesRoundsHalfUp() {
    assertThat(DEFAULT.nonNomineeSurcharge(7_000)).isEqualTo(2_100);
    assertThat(DEFAULT.nonNomineeSurcharge(5)).isEqualTo(2);
  }

  @Test
  void childUntilTheSixteenthBirthday() {
    LocalDate born = LocalDate.of(2011, 6, 2);
    assertThat(DEFAULT.isChild(born, LocalDate.of(2027, 6, 1))).isTrue();
    assertThat(DEFAULT.isChild(born, LocalDate.of(2027, 6, 2))).isFalse();
  }

  @Test
  void redepositKeepsExpiryTakesTheFeeFromTheSoonestAndDropsExpiredMiles() {
    List<ExpiringMiles> spent =
        List.of(
            new ExpiringMiles(LocalDate.of(2026, 5, 31), 1_000),
            new ExpiringMiles(LocalDate.of(2026, 7, 31), 1_000),
            new ExpiringMiles(LocalDate.of(2029, 1, 31), 5_000));
    assertThat(DEFAULT.redeposit(spent, 1_500, TODAY))
        .containsExactly(
            new ExpiringMiles(LocalDate.of(2026, 7, 31), 500),
            new ExpiringMiles(LocalDate.of(2029, 1, 31), 5_000));
    // 2026-05-31 ended before the cancellation: those miles would have expired anyway
    assertThat(DEFAULT.redeposit(spent, 0, TODAY))
        .extracting(ExpiringMiles::miles)
        .containsExactly(1_000L, 5_000L);
  }

  @Test
  void withoutKeepingExpiryOneRedepositDatedByThePolicy() {
    RedemptionRule policy =
        new RedemptionRule(1_500, BigDecimal.ZERO, false, 5, true, BigDecimal.ZERO, 16);
    assertThat(
            policy.redeposit(
                List.of(
                    new ExpiringMiles(LocalDate.of(2026, 5, 31), 1_000),
                    new ExpiringMiles(LocalDate.of(2029, 1, 31), 6_000)),
                1_500,
                TODAY))
        .containsExactly(new ExpiringMiles(null, 5_500));
  }
}
