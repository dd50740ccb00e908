package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RfmSegmentsTest {

  @ParameterizedTest(name = "R{0} F{1} M{2} is {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "5|5|5|Champions",
        "5|4|3|Champions", // FM = 4 (3.5 rounded up)
        "4|5|5|Loyal",
        "3|4|4|Loyal",
        "1|5|5|Can't lose them",
        "2|3|4|At risk",
        "5|2|2|Potential loyalists",
        "5|1|1|New",
        "4|1|1|Promising",
        "3|3|3|Need attention",
        "3|1|2|About to sleep",
        "1|1|1|Lost",
        "2|1|1|Hibernating",
        "1|2|2|Hibernating"
      })
  void theStandardMapNamesEachPairOfScores(int r, int f, int m, String segment) {
    assertThat(RfmSegments.STANDARD.segment(r, f, m)).isEqualTo(segment);
  }

  @Test
  void theStandardMapUsesAllElevenSegments() {
    Set<String> used = new TreeSet<>();
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          used.add(RfmSegments.STANDARD.segment(r, f, m));
        }
      }
    }
    assertThat(used).hasSize(11);
  }

  @Test
  void aConfiguredMapMustNameEveryPairOfScores() {
    assertThatThrownBy(() -> new RfmSegments(List.of(new RfmSegments.Rule("Best", 4, 5, 1, 5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("R1 FM1");
    RfmSegments two =
        new RfmSegments(
            List.of(
                new RfmSegments.Rule("Active", 3, 5, 1, 5),
                new RfmSegments.Rule("Lapsed", 1, 2, 1, 5)));
    assertThat(two.segment(4, 1, 1)).isEqualTo("Active");
    assertThat(two.segment(2, 5, 5)).isEqualTo("Lapsed");
  }
}
