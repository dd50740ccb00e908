package org.openmiles.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.domain.ExpiryLots.OpenLot;
import org.openmiles.accounts.domain.ExpiryLots.Take;
import org.openmiles.accounts.domain.ExpiryPolicy.Kind;

class ExpiryRulesTest {

  @Test
  void fixedTermMilesLastUntilTheEndOfThe36thMonthAfterTheActivityMonth() {
    ExpiryPolicy p = new ExpiryPolicy(Kind.FIXED_TERM, 36);
    assertThat(p.lotExpiry(LocalDate.of(2026, 3, 15))).isEqualTo(LocalDate.of(2029, 3, 31));
    assertThat(p.lotExpiry(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2029, 3, 31));
    assertThat(p.lotExpiry(LocalDate.of(2025, 2, 28))).isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(p.lapsed(LocalDate.of(2000, 1, 1), LocalDate.of(2026, 1, 1))).isFalse();
  }

  @Test
  void underInactivityLotsHaveNoDateAndMembersLapseAfterTheQuietMonths() {
    ExpiryPolicy p = new ExpiryPolicy(Kind.INACTIVITY, 24);
    assertThat(p.lotExpiry(LocalDate.of(2026, 3, 15))).isEqualTo(ExpiryPolicy.NEVER);
    assertThat(p.lapsed(LocalDate.of(2024, 3, 15), LocalDate.of(2026, 3, 15))).isFalse();
    assertThat(p.lapsed(LocalDate.of(2024, 3, 15), LocalDate.of(2026, 3, 16))).isTrue();
    assertThat(p.lapsed(null, LocalDate.of(2026, 3, 16)))
        .as("never active, nothing to lapse")
        .isFalse();
    assertThatThrownBy(() -> new ExpiryPolicy(Kind.INACTIVITY, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void debitsTakeFromTheLotsInTheOrderGivenOldestExpiryFirst() {
    List<OpenLot> lots = List.of(new OpenLot(1, 100), new OpenLot(2, 50), new OpenLot(3, 500));
    assertThat(ExpiryLots.consume(lots, 120)).containsExactly(new Take(1, 100), new Take(2, 20));
    assertThat(ExpiryLots.consume(lots, 650))
        .containsExactly(new Take(1, 100), new Take(2, 50), new Take(3, 500));
    assertThat(ExpiryLots.consume(lots, 0)).isEmpty();
    assertThat(ExpiryLots.total(ExpiryLots.consume(lots, 10_000)))
        .as("never more than the lots hold")
        .isEqualTo(650);
    assertThatThrownBy(() -> ExpiryLots.consume(lots, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
