package org.openmiles.integration.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SegmentFieldsTest {
  @Test
  void datesAreReadAsLocalDateParseReadsThem() throws Exception {
    assertThat(SegmentFields.date(" 2026-02-28 ", "flight date"))
        .isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(SegmentFields.date("2024-02-29", "flight date"))
        .isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(SegmentFields.date("+12026-01-01", "flight date"))
        .as("another shape goes to the parser")
        .isEqualTo(LocalDate.of(12026, 1, 1));
    for (String bad :
        new String[] {
          "2026-02-29",
          "2026-13-01",
          "2026-00-10",
          "2026-1-01",
          "2026/01/01",
          "20260101",
          "2026-01-0x",
          ""
        }) {
      assertThatThrownBy(() -> SegmentFields.date(bad, "flight date"))
          .as(bad)
          .isInstanceOf(BadRecord.class)
          .hasMessage("flight date '" + bad + "' is not a date in the form yyyy-MM-dd");
    }
  }
}
