package org.openmiles.cashmiles.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.cashmiles.domain.CashMilesRuleVersions.MileValueReplay;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.Simulation;
import org.openmiles.program.api.VersionExistsException;

/** The mile-value kind over an in-memory store: keys, checks, versions by date, warnings. */
class MileValueAdministrationTest {
  private static final LocalDate FROM = LocalDate.of(2027, 3, 1);

  private final RuleStore store = new RuleStore();
  private final MileValueAdministration a = new MileValueAdministration();

  MileValueAdministrationTest() {
    a.store = store;
    a.clock = Clock.fixed(FROM.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  @Test
  void aVersionAppliesFromItsDateAndADateIsTakenOnce() {
    Map<String, String> v = Map.of("valuePerMile", "200");
    a.validate(" vnd", v, FROM);
    assertThat(a.apply("vnd", v, FROM, 42)).isEqualTo("VND@" + FROM);
    RuleVersion before = a.inForce("VND", FROM.minusDays(1)).orElseThrow();
    assertThat(before.fields()).containsEntry("valuePerMile", "250.000000");
    assertThat(before.change()).isNull();
    RuleVersion now = a.inForce("VND", FROM).orElseThrow();
    assertThat(now.version()).isEqualTo("VND@" + FROM);
    assertThat(now.fields()).containsEntry("valuePerMile", "200");
    assertThat(now.change()).isEqualTo(42L);
    assertThatThrownBy(() -> a.validate("VND", v, FROM)).isInstanceOf(VersionExistsException.class);
    assertThatThrownBy(() -> a.apply("VND", v, FROM, 43))
        .isInstanceOf(VersionExistsException.class);
    assertThat(store.values.get("VND")).hasSize(2);
  }

  @Test
  void aCurrencyWithoutValueMayGetItsFirstWithAWarning() {
    assertThat(a.inForce("EUR", FROM)).isEmpty();
    Map<String, String> v = Map.of("valuePerMile", "0.009");
    a.validate("EUR", v, FROM);
    assertThat(a.warnings("EUR", v, FROM))
        .singleElement()
        .asString()
        .contains("EUR", "no mile value");
    a.apply("EUR", v, FROM, 7);
    assertThat(a.inForce("EUR", FROM.minusDays(1))).isEmpty();
    assertThat(a.inForce("EUR", FROM)).isPresent();
  }

  @Test
  void keysAreIsoCurrencies() {
    Map<String, String> v = Map.of("valuePerMile", "1");
    for (String key : new String[] {"US", "usd1", "ZZZ", "", "VN D"}) {
      assertThatThrownBy(() -> a.validate(key, v, FROM))
          .as(key)
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("key"));
    }
  }

  @Test
  void theValueIsCheckedAsTheTableChecksIt() {
    for (String bad : new String[] {"0", "-1", "0.0000001", "1234567", "abc"}) {
      assertThatThrownBy(() -> a.validate("USD", Map.of("valuePerMile", bad), FROM))
          .as(bad)
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.fieldErrors()).containsOnlyKeys("valuePerMile"));
    }
    assertThatThrownBy(() -> a.validate("USD", Map.of("value", "1"), FROM))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("value", "valuePerMile"));
    a.validate("USD", Map.of("valuePerMile", "999999.999999"), FROM);
  }

  @Test
  void aLowerValueWarnsOfADevaluationAndALaterVersionIsNamed() {
    store.addMileValue("USD", FROM.plusMonths(6), new BigDecimal("0.012"), 9);
    List<String> w = a.warnings("USD", Map.of("valuePerMile", "0.008"), FROM);
    assertThat(w).hasSize(2);
    assertThat(w.get(0)).contains("20.0 % less", "more miles");
    assertThat(w.get(1)).contains(FROM.plusMonths(6).toString());
    assertThat(a.warnings("USD", Map.of("valuePerMile", "0.01"), FROM.plusDays(1)))
        .singleElement()
        .asString()
        .contains("only until then");
    assertThat(a.warnings("USD", Map.of("valuePerMile", "0.012"), FROM.plusYears(1))).isEmpty();
  }

  @Test
  void theSimulationReportsTheReplayInTheCurrency() {
    store.replay =
        new MileValueReplay(
            3,
            3,
            2,
            2,
            15_000,
            new BigDecimal("150.00"),
            new BigDecimal("120.00"),
            List.of(new Simulation.Group("month", "2027-02", 3, 15_000, 15_000)));
    Simulation s =
        a.simulate("usd", Map.of("valuePerMile", "0.008"), FROM.minusDays(28), FROM.minusDays(1))
            .orElseThrow();
    assertThat(s.currency()).isEqualTo("USD");
    assertThat(s.milesBefore()).isEqualTo(s.milesAfter()).isEqualTo(15_000);
    assertThat(s.costAfter()).isEqualByComparingTo("120");
    assertThat(s.replayed()).isEqualTo(s.records());
  }
}
