package org.openmiles.accrual.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcBookingRepositoryTest {

  @Test
  void anUnlinkedSegmentGoesBackToTheStateItsStatusCodeGives() {
    assertThat(JdbcBookingRepository.bookingState("s"))
        .isEqualTo(
            "case when s in ('HK', 'KK', 'KL', 'RR', 'TK') then 'CONFIRMED'"
                + " when s in ('HL', 'WL') then 'WAITLISTED'"
                + " when s in ('HX', 'NO', 'UC', 'UN', 'XX') then 'CANCELLED' end");
  }

  @Test
  void flightNumbersMatchWithoutLeadingZeros() {
    assertThat(JdbcBookingRepository.flightNumber("0213")).isEqualTo("213");
    assertThat(JdbcBookingRepository.flightNumber("0")).isEqualTo("0");
    assertThat(JdbcBookingRepository.flightNumber("21A")).isEqualTo("21A");
  }
}
