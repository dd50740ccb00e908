package org.openmiles.cashmiles.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.VersionExistsException;

/** The cash-miles-rule kind over an in-memory store: the key, checks, versions, warnings. */
class CashMilesRuleAdministrationTest {
  private static final LocalDate FROM = LocalDate.of(2027, 3, 1);

  private final RuleStore store = new RuleStore();
  private final CashMilesRuleAdministration a = new CashMilesRuleAdministration();

  CashMilesRuleAdministrationTest() {
    a.store = store;
  }

  /** The seeded rule's fields, as a proposal names them. */
  private static Map<String, String> seeded() {
    Map<String, String> m = new HashMap<>();
    m.put("minMilesPerSegment", "2500");
    m.put("milesStep", "500");
    m.put("maxFareSharePct", "100.00");
    m.put("quoteTtlSeconds", "600");
    m.put("holdTtlSeconds", "900");
    m.put("voluntaryRefundRedeposit", "false");
    m.put("involuntaryRefundRedeposit", "true");
    return m;
  }

  @Test
  void aVersionAppliesFromItsDateAndADateIsTakenOnce() {
    Map<String, String> v = seeded();
    v.put("minMilesPerSegment", "3000");
    a.validate("program", v, FROM);
    assertThat(a.apply(" Program ", v, FROM, 42)).isEqualTo("PROGRAM@" + FROM);
    RuleVersion before = a.inForce("PROGRAM", FROM.minusDays(1)).orElseThrow();
    assertThat(before.fields()).isEqualTo(seeded());
    assertThat(before.change()).isNull();
    RuleVersion now = a.inForce("PROGRAM", FROM).orElseThrow();
    assertThat(now.fields()).containsEntry("minMilesPerSegment", "3000");
    assertThat(now.change()).isEqualTo(42L);
    assertThatThrownBy(() -> a.validate("PROGRAM", v, FROM))
        .isInstanceOf(VersionExistsException.class);
    assertThatThrownBy(() -> a.apply("PROGRAM", v, FROM, 43))
        .isInstanceOf(VersionExistsException.class);
  }

  @Test
  void theKeyIsTheProgram() {
    assertThatThrownBy(() -> a.validate("VND", seeded(), FROM))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("key"));
    assertThatThrownBy(() -> a.inForce(null, FROM)).isInstanceOf(ValidationException.class);
  }

  @Test
  void everyBrokenFieldIsReportedAtOnceAsTheTableRefusesIt() {
    Map<String, String> v = new HashMap<>();
    v.put("minMilesPerSegment", "0");
    v.put("milesStep", "-5");
    v.put("maxFareSharePct", "100.01");
    v.put("quoteTtlSeconds", "29");
    v.put("holdTtlSeconds", "86401");
    v.put("voluntaryRefundRedeposit", "maybe");
    v.put("colour", "red");
    assertThatThrownBy(() -> a.validate("PROGRAM", v, FROM))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsOnlyKeys(
                        "minMilesPerSegment",
                        "milesStep",
                        "maxFareSharePct",
                        "quoteTtlSeconds",
                        "holdTtlSeconds",
                        "voluntaryRefundRedeposit",
                        "involuntaryRefundRedeposit",
                        "colour"));
  }

  @Test
  void theStepMustDivideTheMinimumAndTheShareHasTwoDecimals() {
    Map<String, String> v = seeded();
    v.put("milesStep", "700");
    v.put("maxFareSharePct", "50.005");
    assertThatThrownBy(() -> a.validate("PROGRAM", v, FROM))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.fieldErrors()).containsOnlyKeys("milesStep", "maxFareSharePct");
              assertThat(e.fieldErrors().get("milesStep")).contains("2500");
            });
    v.put("milesStep", "2500");
    v.put("maxFareSharePct", "0.01");
    a.validate("PROGRAM", v, FROM);
  }

  @Test
  void warningsCompareWithTheRuleInForceTheDayBefore() {
    assertThat(a.warnings("PROGRAM", seeded(), FROM)).isEmpty();
    Map<String, String> v = seeded();
    v.put("minMilesPerSegment", "1000");
    v.put("holdTtlSeconds", "300");
    v.put("involuntaryRefundRedeposit", "false");
    List<String> w = a.warnings("PROGRAM", v, FROM);
    assertThat(w).hasSize(3);
    assertThat(w.get(0)).contains("2500 to 1000");
    assertThat(w.get(1)).contains("hold 900 -> 300");
    assertThat(w.get(2)).contains("involuntary");
    Map<String, String> lower = seeded();
    lower.put("maxFareSharePct", "50");
    a.apply("PROGRAM", lower, FROM, 1);
    assertThat(a.warnings("PROGRAM", seeded(), FROM.plusDays(1)))
        .singleElement()
        .asString()
        .contains("100 %", "wholly with miles");
    assertThat(a.warnings("PROGRAM", seeded(), FROM.minusDays(1)))
        .singleElement()
        .asString()
        .contains("version from " + FROM);
  }
}
