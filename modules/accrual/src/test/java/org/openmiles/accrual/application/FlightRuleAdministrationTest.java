package org.openmiles.accrual.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.accrual.domain.FlightRuleKeys.FactorKey;
import org.openmiles.accrual.domain.FlightRuleKeys.MinimumKey;
import org.openmiles.accrual.domain.FlightRuleKeys.RateKey;
import org.openmiles.accrual.domain.FlightRuleVersion.Factors;
import org.openmiles.accrual.domain.FlightRuleVersions;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.UnknownRuleException;
import org.openmiles.program.api.VersionExistsException;

/** The flight earn rule kinds over an in-memory store: keys, checks, versions by date. */
class FlightRuleAdministrationTest {
  private static final LocalDate SEED = LocalDate.of(2000, 1, 1);
  private static final LocalDate FROM = LocalDate.of(2027, 3, 1);

  private final Store store = new Store();

  private <A extends FlightRuleAdministration<?, ?>> A wired(A a) {
    a.store = store;
    a.clock = Clock.fixed(FROM.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    return a;
  }

  @Test
  void aFactorVersionAppliesFromItsDateAndADateIsTakenOnce() {
    FlightEarnFactorAdministration a = wired(new FlightEarnFactorAdministration());
    Map<String, String> v = Map.of("earnFactor", "1.40", "segmentFactor", "1");
    a.validate("vn:y:international", v, FROM);
    assertThat(a.apply("vn:y:international", v, FROM, 42)).isEqualTo("VN:Y:INTERNATIONAL@" + FROM);
    RuleVersion before = a.inForce("VN:Y:INTERNATIONAL", FROM.minusDays(1)).orElseThrow();
    assertThat(before.version()).isEqualTo("VN:Y:INTERNATIONAL@" + SEED);
    assertThat(before.fields())
        .containsEntry("earnFactor", "1.10")
        .containsEntry("segmentFactor", "1.00");
    assertThat(before.change()).isNull();
    RuleVersion now = a.inForce("VN:Y:INTERNATIONAL", FROM).orElseThrow();
    assertThat(now.fields()).containsEntry("earnFactor", "1.40");
    assertThat(now.change()).isEqualTo(42L);
    assertThatThrownBy(() -> a.validate("VN:Y:INTERNATIONAL", v, FROM))
        .isInstanceOf(VersionExistsException.class);
    assertThatThrownBy(() -> a.apply("VN:Y:INTERNATIONAL", v, FROM, 43))
        .isInstanceOf(VersionExistsException.class);
    assertThat(store.factors.get("VN:Y:INTERNATIONAL")).hasSize(2);
  }

  @Test
  void aNewClassOfAKnownCarrierMayStartEarningButAnUnknownCarrierIsRefused() {
    FlightEarnFactorAdministration a = wired(new FlightEarnFactorAdministration());
    Map<String, String> v = Map.of("earnFactor", "0.10", "segmentFactor", "0");
    assertThat(a.inForce("VN:X:DOMESTIC", FROM)).isEmpty();
    a.validate("VN:X:DOMESTIC", v, FROM);
    assertThatThrownBy(() -> a.validate("ZZ:Y:DOMESTIC", v, FROM))
        .isInstanceOf(UnknownRuleException.class)
        .hasMessageContaining("ZZ");
    assertThatThrownBy(
            () -> wired(new FlightMinimumMilesAdministration()).inForce("ZZ:DOMESTIC", FROM))
        .isInstanceOf(UnknownRuleException.class);
    // the key is read before the carrier is looked for
    assertThatThrownBy(() -> a.validate("ZZ:Y", v, FROM)).isInstanceOf(ValidationException.class);
  }

  @Test
  void fieldsAreCheckedWholeBeforeTheDate() {
    FlightEarnFactorAdministration a = wired(new FlightEarnFactorAdministration());
    assertThatThrownBy(
            () ->
                a.validate(
                    "VN:Y:INTERNATIONAL", Map.of("earnFactor", "6", "segmentFactor", "-1"), SEED))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("earnFactor", "segmentFactor"));
  }

  @Test
  void minimumsAndRevenueRatesAreVersionsOfTheirOwnKeys() {
    FlightMinimumMilesAdministration m = wired(new FlightMinimumMilesAdministration());
    m.apply("VN:DOMESTIC", Map.of("minimumMiles", "300"), FROM, 7);
    assertThat(m.inForce("VN:DOMESTIC", FROM).orElseThrow().fields())
        .containsExactlyEntriesOf(Map.of("minimumMiles", "300"));
    assertThat(m.inForce("VN:DOMESTIC", FROM.minusDays(1)).orElseThrow().fields())
        .containsEntry("minimumMiles", "250");
    RevenueEarnRateAdministration r = wired(new RevenueEarnRateAdministration());
    assertThat(r.apply("VN:GOLD:USD", Map.of("milesPerUnit", "9"), FROM, 8))
        .isEqualTo("VN:GOLD:USD@" + FROM);
    assertThat(r.inForce("VN:GOLD:USD", FROM).orElseThrow().fields())
        .containsEntry("milesPerUnit", "9");
    assertThat(r.inForce("VN:GOLD:EUR", FROM)).isEmpty();
  }

  @Test
  void aCarrierMovesToTheRevenueModelOnlyWithAMemberRateInForce() {
    FlightEarnModelAdministration a = wired(new FlightEarnModelAdministration());
    // QH has rules but only a GOLD rate: REVENUE would reject its every flight
    store.models.put(
        "QH",
        new ArrayList<>(List.of(new FlightRuleVersions.Written<>("DISTANCE", SEED, null, null))));
    store.rates.put(
        "QH:GOLD:USD",
        new ArrayList<>(
            List.of(new FlightRuleVersions.Written<>(new BigDecimal("8"), SEED, null, null))));
    assertThatThrownBy(() -> a.validate("QH", Map.of("model", "REVENUE"), FROM))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors().get("model"))
                    .contains("MEMBER")
                    .contains(FROM.toString()));
    a.validate("QH", Map.of("model", "DISTANCE"), FROM);
    // a MEMBER rate that ends before the date does not count; one in force does
    store.rates.put(
        "QH:MEMBER:USD",
        new ArrayList<>(
            List.of(new FlightRuleVersions.Written<>(new BigDecimal("5"), SEED, FROM, null))));
    assertThatThrownBy(() -> a.validate("QH", Map.of("model", "REVENUE"), FROM))
        .isInstanceOf(ValidationException.class);
    a.validate("QH", Map.of("model", "revenue"), FROM.minusDays(1));
    // VN has a MEMBER rate in USD
    assertThat(a.apply("VN", Map.of("model", "revenue"), FROM, 9)).isEqualTo("VN@" + FROM);
    assertThat(a.inForce("VN", FROM).orElseThrow().fields()).containsEntry("model", "REVENUE");
    assertThat(a.inForce("VN", FROM.minusDays(1)).orElseThrow().fields())
        .containsEntry("model", "DISTANCE");
  }

  /** The seeded VN rules of accrual V1 that the tests read, in memory. */
  private static final class Store implements FlightRuleVersions {
    final Map<String, List<Written<Factors>>> factors = new HashMap<>();
    final Map<String, List<Written<Long>>> minimums = new HashMap<>();
    final Map<String, List<Written<BigDecimal>>> rates = new HashMap<>();
    final Map<String, List<Written<String>>> models = new HashMap<>();

    Store() {
      factors.put(
          "VN:Y:INTERNATIONAL",
          new ArrayList<>(
              List.of(
                  new Written<>(
                      new Factors(new BigDecimal("1.10"), new BigDecimal("1.00")),
                      SEED,
                      null,
                      null))));
      minimums.put("VN:DOMESTIC", new ArrayList<>(List.of(new Written<>(250L, SEED, null, null))));
      rates.put(
          "VN:MEMBER:USD",
          new ArrayList<>(List.of(new Written<>(new BigDecimal("5.00"), SEED, null, null))));
      models.put("VN", new ArrayList<>(List.of(new Written<>("DISTANCE", SEED, null, null))));
    }

    @Override
    public boolean carrierHasRules(String carrier) {
      return java.util.stream.Stream.of(factors, minimums, rates, models)
          .flatMap(m -> m.keySet().stream())
          .anyMatch(k -> k.split(":")[0].equals(carrier));
    }

    private static <T> boolean add(
        Map<String, List<Written<T>>> m, Object key, LocalDate from, T v, long change) {
      List<Written<T>> l = m.computeIfAbsent(key.toString(), k -> new ArrayList<>());
      if (l.stream().anyMatch(w -> w.from().equals(from))) {
        return false;
      }
      return l.add(new Written<>(v, from, null, change));
    }

    @Override
    public List<Written<Factors>> factors(FactorKey key) {
      return factors.getOrDefault(key.toString(), List.of());
    }

    @Override
    public List<Written<Long>> minimums(MinimumKey key) {
      return minimums.getOrDefault(key.toString(), List.of());
    }

    @Override
    public List<Written<BigDecimal>> revenueRates(RateKey key) {
      return rates.getOrDefault(key.toString(), List.of());
    }

    @Override
    public List<String> revenueCurrencies(String carrier) {
      return rates.keySet().stream()
          .filter(k -> k.startsWith(carrier + ":"))
          .map(k -> k.split(":")[2])
          .distinct()
          .toList();
    }

    @Override
    public List<Written<String>> models(String carrier) {
      return models.getOrDefault(carrier, List.of());
    }

    @Override
    public boolean addFactors(FactorKey key, LocalDate from, Factors f, long change) {
      return add(factors, key, from, f, change);
    }

    @Override
    public boolean addMinimum(MinimumKey key, LocalDate from, long miles, long change) {
      return add(minimums, key, from, miles, change);
    }

    @Override
    public boolean addRevenueRate(RateKey key, LocalDate from, BigDecimal rate, long change) {
      return add(rates, key, from, rate, change);
    }

    @Override
    public boolean addModel(String carrier, LocalDate from, String model, long change) {
      return add(models, carrier, from, model, change);
    }

    @Override
    public Replay replayFactor(FactorKey key, BigDecimal earnFactor, LocalDate from, LocalDate to) {
      throw new UnsupportedOperationException("SQL: FlightRulesProgramIT");
    }

    @Override
    public Replay replayMinimum(MinimumKey key, long minimumMiles, LocalDate from, LocalDate to) {
      throw new UnsupportedOperationException("SQL: FlightRulesProgramIT");
    }
  }
}
