package org.openmiles.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AsciiDecimalTest {

  @Test
  void onlyAsciiDigitsWithAnOptionalMinusAndDecimalPart() {
    assertThat(AsciiDecimal.parse("170.50")).contains(new BigDecimal("170.50"));
    assertThat(AsciiDecimal.parse("-1")).contains(new BigDecimal("-1"));
    assertThat(AsciiDecimal.parse("0")).contains(BigDecimal.ZERO);
  }

  @Test
  void whatBigDecimalWouldTakeButTheGrammarDoesNot() {
    for (String s :
        new String[] {
          "2e0", "1E2", "+1", "\u0663", "\uFF12", "1\uFF10", ".5", "2.", "", "-", " 1", "1,000",
          "0x10", "NaN"
        }) {
      assertThat(AsciiDecimal.parse(s)).as(s).isEmpty();
    }
    assertThat(AsciiDecimal.isDigits("\u0663")).isFalse();
    assertThat(AsciiDecimal.isDigits("12")).isTrue();
    assertThat(AsciiDecimal.isDigits("+1")).isFalse();
  }
}
