package org.openmiles.accrual.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimBookingTest {

  @ParameterizedTest
  @CsvSource({
    "HK, CONFIRMED, true",
    "kk, CONFIRMED, true",
    "RR, FLOWN, true",
    "HL, WAITLISTED, false",
    "WL, WAITLISTED, false",
    "XX, CANCELLED, false",
    "UN, CANCELLED, false"
  })
  void aBookingIsConfirmedEvidenceByItsSegmentStatusWhateverHappenedSince(
      String status, String state, boolean confirmed) {
    assertThat(ClaimBooking.of("K7QX2M", 1, 2, "Y", status, state).confirmed())
        .isEqualTo(confirmed);
  }

  @Test
  void everyAcceptedStatusCodeHasExactlyOneMeaning() {
    for (BookedSegment.Status s : BookedSegment.Status.values()) {
      assertThat(BookedSegment.codes(s)).isNotEmpty();
      for (String code : BookedSegment.codes(s)) {
        assertThat(BookedSegment.status(code)).contains(s);
      }
    }
  }
}
