package org.openmiles.common.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JdbcArraysTest {
  @Test
  void wholeNumbersAndTextBecomeArraysPgjdbcSendsInBinary() {
    assertThat(Jdbc.typed("bigint", new Object[] {1L, 2, null}))
        .isInstanceOf(Long[].class)
        .containsExactly(1L, 2L, null);
    assertThat(Jdbc.typed("integer", new Object[] {7, 8L})).isInstanceOf(Integer[].class);
    assertThat(Jdbc.typed("int2", new Object[] {(short) 3, 4})).isInstanceOf(Short[].class);
    assertThat(Jdbc.typed("varchar", new Object[] {"a", null, 'c'}))
        .isInstanceOf(String[].class)
        .containsExactly("a", null, "c");
    // float8 in binary: eight bytes each, no decimal text written by the JVM and parsed by the
    // server
    assertThat(Jdbc.typed("float8", new Object[] {0.1, null, 2.5f}))
        .isInstanceOf(Double[].class)
        .containsExactly(0.1, null, 2.5);
  }

  @Test
  void anythingElseIsLeftForTheTextEncodingAndTheServersChecks() {
    Object[] fraction = {1L, new BigDecimal("1.5")};
    assertThat(Jdbc.typed("bigint", fraction)).isSameAs(fraction);
    Object[] tooBig = {1L << 40};
    assertThat(Jdbc.typed("integer", tooBig)).isSameAs(tooBig);
    Object[] dates = {"2026-01-01"};
    assertThat(Jdbc.typed("date", dates)).isSameAs(dates);
    Object[] amounts = {BigDecimal.ONE};
    assertThat(Jdbc.typed("numeric", amounts)).isSameAs(amounts);
    Object[] decimals = {0.5, new BigDecimal("0.1")};
    assertThat(Jdbc.typed("float8", decimals)).isSameAs(decimals);
  }
}
