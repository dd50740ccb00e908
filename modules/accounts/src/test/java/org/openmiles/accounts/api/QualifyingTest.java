package org.openmiles.accounts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QualifyingTest {
  private static final MemberNumber M = new MemberNumber("1000000008");
  private static final LocalDate D = LocalDate.of(2026, 5, 1);

  @Test
  void onlyCreditsCarryPositiveAndReversalsNegativeQualifyingActivity() {
    Qualifying q = Qualifying.of(1_100, new BigDecimal("1.00"));
    PostMiles credit =
        new PostMiles(M, EntryType.CREDIT, 1_100, SourceReference.of("F:1"), D, "", q);
    assertThat(credit.qualifying()).isEqualTo(q);
    PostMiles reversal =
        new PostMiles(
            M, EntryType.REVERSAL, -1_100, SourceReference.of("F:1:R"), D, "", q.negate());
    assertThat(reversal.qualifying().miles()).isEqualTo(-1_100);
    assertThatThrownBy(
            () -> new PostMiles(M, EntryType.REVERSAL, -1, SourceReference.of("x"), D, "", q))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new PostMiles(M, EntryType.ADJUSTMENT, 5, SourceReference.of("x"), D, "", q))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PostMiles.credit(M, 5, "y", D, "").qualifying().isNone()).isTrue();
  }

  @Test
  void flightsHaveTwoDecimalsAndTheSameSignAsMiles() {
    assertThatThrownBy(() -> Qualifying.of(1, new BigDecimal("0.125")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Qualifying.of(-1, new BigDecimal("1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Qualifying.of(0, new BigDecimal("0.50")).isNone()).isFalse();
  }

  @Test
  void spendHasTwoDecimalsTheSameSignAndIsTakenBackWhole() {
    Qualifying q = Qualifying.of(793, new BigDecimal("1.00"), new BigDecimal("412.37"));
    assertThat(q.isNone()).isFalse();
    assertThat(q.negate())
        .isEqualTo(Qualifying.of(-793, new BigDecimal("-1.00"), new BigDecimal("-412.37")));
    assertThat(Qualifying.of(0, BigDecimal.ZERO, new BigDecimal("0.01")).isNone()).isFalse();
    assertThat(Qualifying.NONE.spend().signum()).isZero();
    assertThat(Qualifying.of(1, BigDecimal.ONE).spend().signum()).isZero();
    assertThatThrownBy(() -> Qualifying.of(1, BigDecimal.ONE, new BigDecimal("0.001")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Qualifying.of(1, BigDecimal.ONE, new BigDecimal("-5.00")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Qualifying.of(0, new BigDecimal("-1"), new BigDecimal("5.00")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Qualifying.of(1, BigDecimal.ONE, new BigDecimal("1000000000000.00")))
        .isInstanceOf(IllegalArgumentException.class);
    // spend alone decides the entry's sign: a credit carries it positive, a reversal negative
    Qualifying spendOnly = Qualifying.of(0, BigDecimal.ZERO, new BigDecimal("10.00"));
    assertThat(
            new PostMiles(M, EntryType.CREDIT, 5, SourceReference.of("S:1"), D, "", spendOnly)
                .qualifying())
        .isEqualTo(spendOnly);
    assertThatThrownBy(
            () ->
                new PostMiles(
                    M, EntryType.REVERSAL, -5, SourceReference.of("S:1:R"), D, "", spendOnly))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
