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

  @Test
  void asciiNamesNormalizeAsThroughTheUnicodePath() {
    // ASCII names take a loop instead of the normalizer and the regular expressions: same result
    assertThat(LastNames.normalize("van der Berg")).isEqualTo("VANDERBERG");
    assertThat(LastNames.normalize("O'Brien-Smith 2nd")).isEqualTo("OBRIENSMITH2ND");
    assertThat(LastNames.normalize("NGUYEN")).isEqualTo("NGUYEN");
    assertThat(LastNames.normalize(" .-'")).isEmpty();
    assertThat(LastNames.normalize("Nguyễn Văn")).isEqualTo("NGUYENVAN");
    assertThat(LastNames.normalize("ĐẶNG-thị")).isEqualTo("DANGTHI");
  }
}
