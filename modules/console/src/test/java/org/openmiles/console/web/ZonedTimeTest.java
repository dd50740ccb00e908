package org.openmiles.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ZonedTimeTest {
  private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void aTimeLaterTodayShowsTheClockTimeInTheAirlinesZoneWithTheZoneAndOffset() {
    Instant now = Instant.parse("2026-11-29T06:50:00Z");
    assertThat(ZonedTime.describe(Instant.parse("2026-11-29T07:05:00Z"), HCM, now))
        .isEqualTo("14:05 (Asia/Ho_Chi_Minh, UTC+07:00)");
  }

  @Test
  void aTimeOnAnotherDayInTheZoneAlsoShowsTheDate() {
    // 16:55 UTC is already the next day in Ho Chi Minh City
    Instant now = Instant.parse("2026-11-29T16:50:00Z");
    assertThat(ZonedTime.describe(Instant.parse("2026-11-29T17:05:00Z"), HCM, now))
        .isEqualTo("00:05 on 30 Nov 2026 (Asia/Ho_Chi_Minh, UTC+07:00)");
  }

  @Test
  void utcIsNamedOnce() {
    Instant at = Instant.parse("2026-11-29T07:05:00Z");
    assertThat(ZonedTime.describe(at, ZoneId.of("UTC"), at)).isEqualTo("07:05 (UTC)");
  }
}
