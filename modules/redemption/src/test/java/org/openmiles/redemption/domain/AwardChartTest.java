package org.openmiles.redemption.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmiles.redemption.api.AwardPrice;
import org.openmiles.redemption.api.Cabin;
import org.openmiles.redemption.api.ClassNotUpgradableException;
import org.openmiles.redemption.api.Journey;
import org.openmiles.redemption.api.NoAwardRouteException;
import org.openmiles.redemption.api.PriceAward;

class AwardChartTest {
  private static final AwardChart CHART = SeededChart.load();
  private static final LocalDate OFF_PEAK = LocalDate.of(2027, 3, 10);
  private static final LocalDate PEAK = LocalDate.of(2027, 7, 15); // summer 2027

  private static AwardPrice oneWay(
      String from, String to, String fromCountry, String toCountry, Cabin cabin, LocalDate date) {
    return CHART.price(
        new PriceAward(from, to, cabin, Journey.ONE_WAY, date, null, 1), fromCountry, toCountry);
  }

  /** DESIGN.md §3: one-way per passenger, off-peak (peak). */
  @ParameterizedTest(name = "{0} {1}: {2} ({3})")
  @CsvSource({
    "VN, ECONOMY,           7000,  10000",
    "VN, PREMIUM_ECONOMY,  11000,  15000",
    "VN, BUSINESS,         15000,  18000",
    "JP, ECONOMY,          35000,  50000",
    "JP, PREMIUM_ECONOMY,  65000,  85000",
    "JP, BUSINESS,         90000, 105000",
    "US, ECONOMY,          50000,  60000",
    "US, PREMIUM_ECONOMY,  90000, 110000",
    "US, BUSINESS,        150000, 180000"
  })
  void designFiguresFromTheSeededChart(String country, Cabin cabin, long offPeak, long peak) {
    assertThat(oneWay("HAN", "XXX", "VN", country, cabin, OFF_PEAK).milesPerPassenger())
        .isEqualTo(offPeak);
    assertThat(oneWay("HAN", "XXX", "VN", country, cabin, PEAK).milesPerPassenger())
        .isEqualTo(peak);
  }

  @Test
  void eitherDirectionIsTheSameRouteGroup() {
    AwardPrice back = oneWay("NRT", "SGN", "JP", "VN", Cabin.BUSINESS, OFF_PEAK);
    assertThat(back.routeGroup()).isEqualTo("VN_JP");
    assertThat(back.milesPerPassenger()).isEqualTo(90_000);
  }

  @Test
  void peakCalendarDaysAreIncludedAtBothEnds() {
    assertThat(CHART.season("DOMESTIC", LocalDate.of(2027, 6, 1)))
        .isEqualTo(AwardChart.Season.PEAK);
    assertThat(CHART.season("DOMESTIC", LocalDate.of(2027, 8, 31)))
        .isEqualTo(AwardChart.Season.PEAK);
    assertThat(CHART.season("DOMESTIC", LocalDate.of(2027, 9, 1)))
        .isEqualTo(AwardChart.Season.OFF_PEAK);
    assertThat(CHART.season("DOMESTIC", LocalDate.of(2027, 5, 31)))
        .isEqualTo(AwardChart.Season.OFF_PEAK);
  }

  @Test
  void aRoundTripWithoutItsOwnRowIsTwoOneWaysEachAtItsOwnSeason() {
    AwardPrice p =
        CHART.price(
            new PriceAward(
                "HAN",
                "SGN",
                Cabin.ECONOMY,
                Journey.ROUND_TRIP,
                LocalDate.of(2027, 5, 25),
                LocalDate.of(2027, 6, 5),
                2),
            "VN",
            "VN");
    assertThat(p.parts()).extracting(AwardPrice.Part::season).containsExactly("OFF_PEAK", "PEAK");
    assertThat(p.milesPerPassenger()).isEqualTo(7_000 + 10_000);
    assertThat(p.totalMiles()).isEqualTo(34_000);

    AwardPrice us =
        CHART.price(
            new PriceAward(
                "SGN",
                "SFO",
                Cabin.BUSINESS,
                Journey.ROUND_TRIP,
                OFF_PEAK,
                OFF_PEAK.plusDays(14),
                1),
            "VN",
            "US");
    assertThat(us.milesPerPassenger()).isEqualTo(300_000);
  }

  @Test
  void aRoundTripRowWhenTheChartHasOne() {
    var rows = new java.util.ArrayList<AwardChart.Row>();
    rows.add(
        new AwardChart.Row(
            "DOMESTIC", Cabin.ECONOMY, AwardChart.Season.OFF_PEAK, Journey.ONE_WAY, 7_000));
    rows.add(
        new AwardChart.Row(
            "DOMESTIC", Cabin.ECONOMY, AwardChart.Season.PEAK, Journey.ROUND_TRIP, 18_000));
    AwardChart chart =
        new AwardChart(
            java.util.Map.of("VN", "VN"),
            java.util.List.of(new AwardChart.RouteGroup("DOMESTIC", "VN", "VN")),
            rows,
            java.util.List.of(),
            java.util.List.of(new AwardChart.PeakPeriod(null, PEAK, PEAK)),
            java.util.Set.of());
    AwardPrice p =
        chart.price(
            new PriceAward("HAN", "SGN", Cabin.ECONOMY, Journey.ROUND_TRIP, OFF_PEAK, PEAK, 1),
            "VN",
            "VN");
    assertThat(p.parts()).hasSize(1);
    assertThat(p.milesPerPassenger()).isEqualTo(18_000);
  }

  @Test
  void noRouteGroupBetweenZonesHasNoAward() {
    assertThatThrownBy(() -> oneWay("NRT", "SFO", "JP", "US", Cabin.ECONOMY, OFF_PEAK))
        .isInstanceOf(NoAwardRouteException.class);
    assertThatThrownBy(() -> oneWay("HAN", "DEL", "VN", "IN", Cabin.ECONOMY, OFF_PEAK))
        .isInstanceOf(NoAwardRouteException.class)
        .hasMessageContaining("IN");
  }

  @Test
  void upgradesCostTheCabinDifferenceAndExcludeEandA() {
    assertThat(
            CHART.upgrade("DOMESTIC", "VN", "Y", Cabin.ECONOMY, Cabin.BUSINESS, OFF_PEAK).miles())
        .isEqualTo(8_000);
    assertThat(CHART.upgrade("VN_US", "VN", "M", Cabin.ECONOMY, Cabin.BUSINESS, PEAK).miles())
        .isEqualTo(120_000);
    assertThat(
            CHART
                .upgrade("VN_JP", "VN", "W", Cabin.PREMIUM_ECONOMY, Cabin.BUSINESS, OFF_PEAK)
                .miles())
        .isEqualTo(25_000);
    assertThatThrownBy(
            () -> CHART.upgrade("DOMESTIC", "VN", "E", Cabin.ECONOMY, Cabin.BUSINESS, OFF_PEAK))
        .isInstanceOf(ClassNotUpgradableException.class);
  }
}
