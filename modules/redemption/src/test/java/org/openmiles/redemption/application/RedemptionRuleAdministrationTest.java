package org.openmiles.redemption.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.common.ValidationException;
import org.openmiles.common.time.AirlineZone;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.Simulation;
import org.openmiles.program.api.UnknownRuleException;
import org.openmiles.program.api.VersionExistsException;
import org.openmiles.redemption.api.Cabin;
import org.openmiles.redemption.api.Journey;
import org.openmiles.redemption.domain.AwardChart.Season;
import org.openmiles.redemption.domain.RedemptionRuleKeys;
import org.openmiles.redemption.domain.RedemptionRuleKeys.ChartKey;
import org.openmiles.redemption.domain.RedemptionRuleVersion.ExtensionPackage;
import org.openmiles.redemption.domain.RedemptionRuleVersion.Peak;
import org.openmiles.redemption.domain.RedemptionRuleVersions;

/** The redemption rule kinds over an in-memory store: keys, checks, warnings, versions by date. */
class RedemptionRuleAdministrationTest {
  private static final LocalDate SEED = LocalDate.of(2000, 1, 1);
  private static final LocalDate FROM = LocalDate.of(2027, 3, 1);

  private final Store store = new Store();

  private <A extends RedemptionRuleAdministration<?, ?>> A wired(A a) {
    a.store = store;
    return a;
  }

  private static Map<String, String> errors(Runnable r) {
    try {
      r.run();
    } catch (ValidationException e) {
      return e.fieldErrors();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void chartKeysAreReadCaseInsensitivelyAndEachPartChecked() {
    assertThat(RedemptionRuleKeys.chart(" domestic:economy:peak:one_way "))
        .isEqualTo(new ChartKey("DOMESTIC", Cabin.ECONOMY, Season.PEAK, Journey.ONE_WAY));
    assertThat(errors(() -> RedemptionRuleKeys.chart("DOMESTIC:ECONOMY:PEAK")).get("key"))
        .contains("ROUTE_GROUP:CABIN:SEASON:JOURNEY");
    assertThat(errors(() -> RedemptionRuleKeys.chart("DOMESTIC:FIRST:PEAK:ONE_WAY")).get("key"))
        .contains("cabin is one of ECONOMY, PREMIUM_ECONOMY, BUSINESS, not FIRST");
    assertThat(errors(() -> RedemptionRuleKeys.chart("DOMESTIC:ECONOMY:HIGH:ONE_WAY")).get("key"))
        .contains("season");
    assertThat(errors(() -> RedemptionRuleKeys.chart("DOMESTIC:ECONOMY:PEAK:RETURN")).get("key"))
        .contains("journey");
    assertThat(errors(() -> RedemptionRuleKeys.chart("1X:ECONOMY:PEAK:ONE_WAY")).get("key"))
        .contains("route group");
    assertThat(RedemptionRuleKeys.country("th")).isEqualTo("TH");
    assertThat(errors(() -> RedemptionRuleKeys.country("THA")).get("key")).contains("two letters");
    assertThat(errors(() -> RedemptionRuleKeys.country("")).get("key")).contains("two letters");
    assertThat(RedemptionRuleKeys.scope("all")).isEqualTo("ALL");
    assertThat(errors(() -> RedemptionRuleKeys.packageCode("ext 1")).get("key"))
        .contains("package code");
  }

  @Test
  void aChartVersionAppliesFromItsDateAndADateIsTakenOnce() {
    AwardChartAdministration a = wired(new AwardChartAdministration());
    Map<String, String> v = Map.of("miles", "12000");
    a.validate("domestic:economy:peak:one_way", v, FROM);
    assertThat(a.apply("DOMESTIC:ECONOMY:PEAK:ONE_WAY", v, FROM, 42))
        .isEqualTo("DOMESTIC:ECONOMY:PEAK:ONE_WAY@" + FROM);
    RuleVersion before =
        a.inForce("DOMESTIC:ECONOMY:PEAK:ONE_WAY", FROM.minusDays(1)).orElseThrow();
    assertThat(before.effectiveFrom()).isEqualTo(SEED);
    assertThat(before.fields()).containsEntry("miles", "10000");
    assertThat(before.change()).isNull();
    RuleVersion now = a.inForce("DOMESTIC:ECONOMY:PEAK:ONE_WAY", FROM).orElseThrow();
    assertThat(now.fields()).containsEntry("miles", "12000");
    assertThat(now.change()).isEqualTo(42L);
    assertThatThrownBy(() -> a.validate("DOMESTIC:ECONOMY:PEAK:ONE_WAY", v, FROM))
        .isInstanceOf(VersionExistsException.class);
    assertThatThrownBy(() -> a.apply("DOMESTIC:ECONOMY:PEAK:ONE_WAY", v, FROM, 43))
        .isInstanceOf(VersionExistsException.class);
    // a new cell of a known route group may start; an unknown route group is refused
    assertThat(a.inForce("DOMESTIC:ECONOMY:PEAK:ROUND_TRIP", FROM)).isEmpty();
    a.validate("DOMESTIC:ECONOMY:PEAK:ROUND_TRIP", Map.of("miles", "19000"), FROM);
    assertThatThrownBy(() -> a.validate("VN_MARS:ECONOMY:PEAK:ONE_WAY", v, FROM))
        .isInstanceOf(UnknownRuleException.class)
        .hasMessageContaining("VN_MARS");
  }

  @Test
  void chartMilesAreCheckedAsTheTableChecksThem() {
    AwardChartAdministration a = wired(new AwardChartAdministration());
    String key = "DOMESTIC:ECONOMY:PEAK:ONE_WAY";
    assertThat(errors(() -> a.validate(key, Map.of("miles", "0"), FROM)).get("miles"))
        .contains("1 to 10000000");
    assertThat(errors(() -> a.validate(key, Map.of("miles", "10000001"), FROM))).hasSize(1);
    assertThat(errors(() -> a.validate(key, Map.of(), FROM)).get("miles")).contains("required");
    assertThat(errors(() -> a.validate(key, Map.of("miles", "1", "mileage", "2"), FROM)))
        .containsKey("mileage");
  }

  @Test
  void anInconsistentChartIsFlaggedNotRefused() {
    AwardChartAdministration a = wired(new AwardChartAdministration());
    // peak 10000, off-peak 7000; premium off-peak 11000
    assertThat(a.warnings("DOMESTIC:ECONOMY:PEAK:ONE_WAY", Map.of("miles", "9000"), FROM))
        .isEmpty();
    assertThat(a.warnings("DOMESTIC:ECONOMY:PEAK:ONE_WAY", Map.of("miles", "6000"), FROM))
        .singleElement()
        .asString()
        .contains("PEAK is cheaper than OFF_PEAK");
    assertThat(a.warnings("DOMESTIC:ECONOMY:OFF_PEAK:ONE_WAY", Map.of("miles", "12000"), FROM))
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).contains("PEAK is cheaper than OFF_PEAK"))
        .anySatisfy(w -> assertThat(w).contains("PREMIUM_ECONOMY is cheaper than ECONOMY"));
    assertThat(a.warnings("DOMESTIC:BUSINESS:OFF_PEAK:ONE_WAY", Map.of("miles", "6000"), FROM))
        .anySatisfy(w -> assertThat(w).contains("BUSINESS is cheaper than ECONOMY"))
        .anySatisfy(w -> assertThat(w).contains("BUSINESS is cheaper than PREMIUM_ECONOMY"));
    assertThat(a.warnings("DOMESTIC:ECONOMY:OFF_PEAK:ROUND_TRIP", Map.of("miles", "14000"), FROM))
        .isEmpty();
    assertThat(a.warnings("DOMESTIC:ECONOMY:OFF_PEAK:ROUND_TRIP", Map.of("miles", "14001"), FROM))
        .singleElement()
        .asString()
        .contains("ROUND_TRIP is more than twice ONE_WAY");
    // compared with the chart in force on the date, not today's
    a.apply("DOMESTIC:ECONOMY:OFF_PEAK:ONE_WAY", Map.of("miles", "5000"), FROM, 7);
    assertThat(a.warnings("DOMESTIC:ECONOMY:PEAK:ONE_WAY", Map.of("miles", "6000"), FROM))
        .isEmpty();
    assertThat(
            a.warnings("DOMESTIC:ECONOMY:PEAK:ONE_WAY", Map.of("miles", "6000"), FROM.minusDays(1)))
        .hasSize(1);
  }

  @Test
  void theChartIsReplayedOnTheAwardsIssuedOnTheWindowsDaysInTheAirlinesZone() {
    AwardChartAdministration a = wired(new AwardChartAdministration());
    a.zone =
        new AirlineZone() {
          @Override
          public ZoneId zone() {
            return ZoneId.of("Asia/Ho_Chi_Minh");
          }
        };
    a.clock = Clock.fixed(Instant.parse("2027-03-01T00:00:00Z"), ZoneOffset.UTC);
    LocalDate from = LocalDate.of(2027, 2, 1);
    LocalDate to = LocalDate.of(2027, 2, 28);
    Simulation s =
        a.simulate("domestic:economy:peak:one_way", Map.of("miles", "12000"), from, to)
            .orElseThrow();
    assertThat(store.replayed)
        .containsExactly(
            new ChartKey("DOMESTIC", Cabin.ECONOMY, Season.PEAK, Journey.ONE_WAY),
            12000L,
            Instant.parse("2027-01-31T17:00:00Z"),
            Instant.parse("2027-02-28T17:00:00Z"),
            ZoneId.of("Asia/Ho_Chi_Minh"));
    assertThat(s.records()).isEqualTo(3);
    assertThat(s.replayed()).isEqualTo(3);
    assertThat(s.membersAffected()).isEqualTo(1);
    assertThat(s.milesDifference()).isEqualTo(6_000);
    assertThat(s.costBefore()).isNull();
    assertThat(s.groups()).hasSize(1);
    assertThatThrownBy(() -> a.simulate("DOMESTIC:ECONOMY:PEAK:ONE_WAY", Map.of(), from, to))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aCountryMovesToAnExistingZoneFromItsDate() {
    AwardZoneCountryAdministration a = wired(new AwardZoneCountryAdministration());
    a.apply("th", Map.of("zone", "nea"), FROM, 5);
    assertThat(a.inForce("TH", FROM.minusDays(1)).orElseThrow().fields())
        .containsEntry("zone", "SEA");
    assertThat(a.inForce("TH", FROM).orElseThrow().fields()).containsEntry("zone", "NEA");
    assertThat(a.inForce("TH", FROM).orElseThrow().version()).isEqualTo("TH@" + FROM);
    assertThat(errors(() -> a.validate("TH", Map.of("zone", "MARS"), FROM)).get("zone"))
        .contains("no award zone MARS");
    assertThat(errors(() -> a.validate("TH", Map.of(), FROM)).get("zone")).contains("required");
    // a country with no zone yet may be given one
    a.validate("NZ", Map.of("zone", "AU"), FROM);
    assertThatThrownBy(() -> a.validate("TH", Map.of("zone", "SEA"), FROM))
        .isInstanceOf(VersionExistsException.class);
  }

  @Test
  void aPeakCalendarVersionReplacesTheScopesRangesFromItsDate() {
    PeakPeriodAdministration a = wired(new PeakPeriodAdministration());
    Map<String, String> v =
        Map.of("periods", "2027-06-15..2027-08-31 Summer 2027;\n 2027-04-28..2027-05-02");
    a.validate("all", v, FROM);
    assertThat(a.apply("ALL", v, FROM, 9)).isEqualTo("ALL@" + FROM);
    assertThat(a.inForce("ALL", FROM.minusDays(1)).orElseThrow().fields().get("periods"))
        .startsWith("2026-12-15..2027-01-05 Year end 2026");
    assertThat(a.inForce("ALL", FROM).orElseThrow().fields())
        .containsEntry(
            "periods",
            "2027-04-28..2027-05-02 Peak 2027-04-28..2027-05-02; 2027-06-15..2027-08-31 Summer 2027");
    assertThat(store.peaks.get("ALL")).hasSize(2);
    // a route group's own calendar starts empty; an empty version is allowed (and flagged)
    assertThat(a.inForce("VN_JP", FROM)).isEmpty();
    assertThat(a.warnings("VN_JP", Map.of(), FROM)).singleElement().asString().contains("OFF_PEAK");
    assertThatThrownBy(() -> a.validate("VN_MARS", v, FROM))
        .isInstanceOf(UnknownRuleException.class);
    assertThatThrownBy(() -> a.apply("ALL", v, FROM, 10))
        .isInstanceOf(VersionExistsException.class);
  }

  @Test
  void peakRangesAreCheckedTogetherAndOddOnesFlagged() {
    PeakPeriodAdministration a = wired(new PeakPeriodAdministration());
    String broken =
        errors(
                () ->
                    a.validate(
                        "ALL",
                        Map.of(
                            "periods",
                            "2027-02-20..2027-01-23 Tet; 2027-13-01..2027-13-02 X; summer"),
                        FROM))
            .get("periods");
    assertThat(broken)
        .contains("the last day is before the first")
        .contains("dates such as")
        .contains("summer: not FIRST..LAST");
    assertThat(
            a.warnings(
                "ALL",
                Map.of(
                    "periods",
                    "2027-01-01..2027-01-31 Old; 2027-06-01..2027-06-30 A;"
                        + " 2027-06-30..2027-07-10 B"),
                FROM))
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).contains("ends before"))
        .anySatisfy(w -> assertThat(w).contains("overlaps"));
  }

  @Test
  void anExtensionPackageIsCheckedWhole() {
    ExtensionPackageAdministration a = wired(new ExtensionPackageAdministration());
    Map<String, String> errors =
        errors(
            () ->
                a.validate(
                    "EXT_500_12M",
                    Map.of("miles", "0", "months", "121", "price", "-1", "currency", "usd"),
                    FROM));
    assertThat(errors).containsOnlyKeys("miles", "months", "price", "currency");
    a.apply(
        "ext_500_12m",
        Map.of("miles", "500", "months", "24", "price", "17.50", "currency", "USD"),
        FROM,
        3);
    assertThat(a.inForce("EXT_500_12M", FROM.minusDays(1)).orElseThrow().fields())
        .containsEntry("months", "12")
        .containsEntry("price", "15");
    assertThat(a.inForce("EXT_500_12M", FROM).orElseThrow().fields())
        .containsEntry("months", "24")
        .containsEntry("price", "17.5");
    // a new code starts a package
    a.validate(
        "EXT_10000_24M",
        Map.of("miles", "10000", "months", "24", "price", "0", "currency", "VND"),
        FROM);
  }

  /** The seeded program of V1–V3 for a few keys, and what is added. */
  private static final class Store implements RedemptionRuleVersions {
    final List<Cell> chart = new ArrayList<>();
    final Map<String, List<Written<String>>> zones = new HashMap<>();
    final Map<String, List<Written<List<Peak>>>> peaks = new HashMap<>();
    final Map<String, List<Written<ExtensionPackage>>> packages = new HashMap<>();

    Store() {
      long[][] domestic = {{7000, 10000}, {11000, 15000}, {15000, 18000}};
      for (Cabin c : Cabin.values()) {
        chart.add(cell(c, Season.OFF_PEAK, domestic[c.ordinal()][0]));
        chart.add(cell(c, Season.PEAK, domestic[c.ordinal()][1]));
      }
      zones.put("TH", new ArrayList<>(List.of(new Written<>("SEA", SEED, null, null))));
      peaks.put(
          "ALL",
          new ArrayList<>(
              List.of(
                  new Written<>(
                      List.of(
                          new Peak(
                              "Year end 2026",
                              LocalDate.of(2026, 12, 15),
                              LocalDate.of(2027, 1, 5))),
                      SEED,
                      null,
                      null))));
      packages.put(
          "EXT_500_12M",
          new ArrayList<>(
              List.of(
                  new Written<>(
                      new ExtensionPackage(500, 12, new BigDecimal("15.0000"), "USD"),
                      SEED,
                      null,
                      null))));
    }

    private static Cell cell(Cabin c, Season s, long miles) {
      return new Cell(
          new ChartKey("DOMESTIC", c, s, Journey.ONE_WAY), new Written<>(miles, SEED, null, null));
    }

    final List<Object> replayed = new ArrayList<>();

    @Override
    public Replay replayChart(ChartKey key, long miles, Instant from, Instant to, ZoneId zone) {
      replayed.addAll(List.of(key, miles, from, to, zone));
      return new Replay(
          3, 3, 2, 1, 30_000, 36_000, List.of(new Simulation.Group("month", "2027-02", 3, 1, 2)));
    }

    @Override
    public List<String> routeGroups() {
      return List.of("DOMESTIC", "VN_JP", "VN_SEA");
    }

    @Override
    public List<String> zones() {
      return List.of("AU", "JP", "NEA", "SEA", "VN");
    }

    @Override
    public List<Cell> chart(String routeGroup) {
      return chart.stream().filter(c -> c.key().routeGroup().equals(routeGroup)).toList();
    }

    @Override
    public boolean addChartMiles(ChartKey key, LocalDate from, long miles, long change) {
      if (chart.stream().anyMatch(c -> c.key().equals(key) && c.miles().from().equals(from))) {
        return false;
      }
      return chart.add(new Cell(key, new Written<>(miles, from, null, change)));
    }

    @Override
    public List<Written<String>> zoneOf(String country) {
      return zones.getOrDefault(country, List.of());
    }

    @Override
    public boolean addZoneOf(String country, LocalDate from, String zone, long change) {
      return add(zones, country, new Written<>(zone, from, null, change));
    }

    @Override
    public List<Written<List<Peak>>> peaks(String scope) {
      return peaks.getOrDefault(scope, List.of());
    }

    @Override
    public boolean addPeaks(String scope, LocalDate from, List<Peak> p, long change) {
      return add(peaks, scope, new Written<>(p, from, null, change));
    }

    @Override
    public List<Written<ExtensionPackage>> extensionPackage(String code) {
      return packages.getOrDefault(code, List.of());
    }

    @Override
    public boolean addExtensionPackage(
        String code, LocalDate from, ExtensionPackage p, long change) {
      return add(packages, code, new Written<>(p, from, null, change));
    }

    private static <T> boolean add(
        Map<String, List<Written<T>>> versions, String key, Written<T> v) {
      List<Written<T>> list = versions.computeIfAbsent(key, k -> new ArrayList<>());
      if (list.stream().anyMatch(w -> w.from().equals(v.from()))) {
        return false;
      }
      return list.add(v);
    }
  }
}
