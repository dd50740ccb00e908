package org.openmiles.accrual.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LastNamesTest {
  @Test
  void namesMatchWithoutCaseAccentsAndPunctuation() {
    assertThat(LastNames.match("NGUYEN", "Nguyễn")).isTrue();
    assertThat(LastNames.match("dang", "Đặng")).isTrue();
    assertThat(LastNames.match("VAN DER BERG", "van der Berg")).isTrue();
    assertThat(LastNames.match("OBRIEN", "O'Brien")).isTrue();
    assertThat(LastNames.match("TRAN-LE", "Tran Le")).isTrue();
  }

  @Test
  void differentOrMissingNamesDoNotMatch() {
    assertThat(LastNames.match("NGUYEN", "Nguy")).isFalse();
    assertThat(LastNames.match("Tran", "Le")).isFalse();
    assertThat(LastNames.match("", "")).as("nothing to compare").isFalse();
    assertThat(LastNames.match(null, "Le")).isFalse();
  }
}
