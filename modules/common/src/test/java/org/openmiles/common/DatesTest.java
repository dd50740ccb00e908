package org.openmiles.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"+999999999-12-31", "0001-01-01", "1899-12-31", "3000-01-01", "-0001-01-01"})
  void daysOutsideTheRangeAreRefused(String text) {
    assertThatThrownBy(() -> Dates.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "x", " "})
  void textThatIsNoDayIsRefused(String text) {
    assertThatThrownBy(() -> Dates.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1900-01-01", "1985-05-05", "2028-02-29", "2999-12-31"})
  void daysInTheRangeAreRead(String text) {
    assertThat(Dates.parse(text)).isEqualTo(LocalDate.parse(text));
  }
}
