package org.openmiles.accrual.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openmiles.accrual.domain.FlightEarning.Region;
import org.openmiles.common.ValidationException;

class FlightRuleKeysTest {

  private static String keyError(Runnable parse) {
    try {
      parse.run();
    } catch (ValidationException e) {
      assertThat(e.fieldErrors()).containsOnlyKeys("key");
      return e.fieldErrors().get("key");
    }
    throw new AssertionError("accepted");
  }

  @Test
  void keysAreReadCaseInsensitivelyAndWrittenInTheirCanonicalForm() {
    FlightRuleKeys.FactorKey f = FlightRuleKeys.factor(" vn:y:international ");
    assertThat(f).isEqualTo(new FlightRuleKeys.FactorKey("VN", "Y", Region.INTERNATIONAL));
    assertThat(f.toString()).isEqualTo("VN:Y:INTERNATIONAL");
    assertThat(FlightRuleKeys.minimum("VN:domestic").toString()).isEqualTo("VN:DOMESTIC");
    assertThat(FlightRuleKeys.rate("qh:million_miler:usd"))
        .isEqualTo(new FlightRuleKeys.RateKey("QH", "MILLION_MILER", "USD"));
    assertThat(FlightRuleKeys.model("0v")).isEqualTo("0V");
  }

  @Test
  void eachPartIsCheckedAsTheTablesCheckARow() {
    assertThat(keyError(() -> FlightRuleKeys.factor("VN:Y"))).contains("CARRIER:CLASS:REGION");
    assertThat(keyError(() -> FlightRuleKeys.factor("VN::DOMESTIC")))
        .contains("CARRIER:CLASS:REGION");
    assertThat(keyError(() -> FlightRuleKeys.factor("VN:YY:DOMESTIC"))).contains("one letter");
    assertThat(keyError(() -> FlightRuleKeys.factor("VN:1:DOMESTIC"))).contains("one letter");
    assertThat(keyError(() -> FlightRuleKeys.factor("VN:Y:LOCAL")))
        .contains("DOMESTIC or INTERNATIONAL")
        .contains("LOCAL");
    assertThat(keyError(() -> FlightRuleKeys.minimum("VNA:DOMESTIC"))).contains("two-character");
    assertThat(keyError(() -> FlightRuleKeys.minimum("V-:DOMESTIC"))).contains("two-character");
    assertThat(keyError(() -> FlightRuleKeys.rate("VN:SILVER:USD")))
        .contains("MEMBER, TITANIUM, GOLD, PLATINUM, MILLION_MILER");
    assertThat(keyError(() -> FlightRuleKeys.rate("VN:GOLD:US"))).contains("ISO 4217");
    assertThat(keyError(() -> FlightRuleKeys.model("VN:Y"))).contains("carrier's code");
    assertThat(keyError(() -> FlightRuleKeys.model(null))).contains("carrier's code");
    assertThatThrownBy(() -> FlightRuleKeys.model("")).isInstanceOf(ValidationException.class);
  }
}
