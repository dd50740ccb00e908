package org.openmiles.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openmiles.common.ValidationException;

class QueryParamsTest {
  @ParameterizedTest
  @CsvSource({"1,1", "50,50", "200,200", "007,7"})
  void aPageSizeInRangeIsRead(String text, int expected) {
    assertThat(QueryParams.limit(text, QueryParams.MAX_PAGE)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "",
        " 5",
        "5 ",
        "0",
        "201",
        "-1",
        "+5",
        "1e2",
        "2.0",
        "٣",
        "５",
        "99999999999999999999"
      })
  void anythingElseIsAValidationErrorNamingTheParameter(String text) {
    assertThatThrownBy(() -> QueryParams.limit(text, QueryParams.MAX_PAGE))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit");
  }

  @ParameterizedTest
  @CsvSource({"0,0,366", "366,0,366", "9223372036854775807,0,9223372036854775807"})
  void wholeNumbersAtTheirBoundsAreRead(String text, long min, long max) {
    assertThat(QueryParams.wholeNumber(text, min, max)).isEqualTo(Long.parseLong(text));
  }

  @ParameterizedTest
  @CsvSource({"367,0,366,must be a whole number from 0 to 366", "x,1,9,from 1 to 9"})
  void outOfBoundsSaysWhatIsAccepted(String text, long min, long max, String message) {
    assertThatThrownBy(() -> QueryParams.wholeNumber(text, min, max))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "x"})
  void anOpenUpperBoundSaysAtLeast(String text) {
    assertThatThrownBy(() -> QueryParams.wholeNumber(text, 0, Long.MAX_VALUE))
        .hasMessage("must be a whole number of at least 0");
  }
}
