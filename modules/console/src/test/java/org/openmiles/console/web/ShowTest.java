package org.openmiles.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShowTest {
  private final Show show = new Show();

  ShowTest() {
    show.airline = new AirlineTime();
    show.airline.zone = "Asia/Ho_Chi_Minh";
  }

  @Test
  void timesAreInTheAirlinesZoneToTheMinute() {
    assertThat(show.time(Instant.parse("2026-11-24T07:31:10.120123Z")))
        .isEqualTo("24 Nov 2026 14:31 ICT");
    // past midnight there, the day there
    assertThat(show.time(Instant.parse("2026-11-24T17:05:00Z"))).isEqualTo("25 Nov 2026 00:05 ICT");
    assertThat(show.time(null)).isEmpty();
  }

  @Test
  void numbersHaveThousandSeparators() {
    assertThat(show.number(1234567L)).isEqualTo("1,234,567");
    assertThat(show.number(-1000)).isEqualTo("-1,000");
    assertThat(show.number(0)).isEqualTo("0");
    assertThat(show.number(new java.math.BigDecimal("1234.5"))).isEqualTo("1,234.5");
    assertThat(show.number(null)).isEmpty();
    // and the same in the messages the beans write
    assertThat(Show.grouped(1234567L)).isEqualTo("1,234,567");
    assertThat(Show.grouped(-1000)).isEqualTo("-1,000");
    assertThat(Show.grouped(999)).isEqualTo("999");
  }

  enum Journey {
    ONE_WAY
  }

  @ParameterizedTest
  @CsvSource({
    "ONE_WAY,One way",
    "OFF_PEAK,Off peak",
    "CREDIT,Credit",
    "PENDING_REVIEW,Pending review",
    "TIER_OVERRIDDEN,Tier overridden",
    "Titanium,Titanium",
    "status match from partner airline,status match from partner airline"
  })
  void codesBecomeLabelsAndEverythingElseStays(String code, String label) {
    assertThat(show.label(code)).isEqualTo(label);
  }

  @Test
  void enumsAreLabelledByName() {
    assertThat(show.label(Journey.ONE_WAY)).isEqualTo("One way");
    assertThat(show.label(null)).isEmpty();
  }
}
