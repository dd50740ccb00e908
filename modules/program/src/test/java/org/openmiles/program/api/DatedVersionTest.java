package org.openmiles.program.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The version in force on a date, as the rule tables' readers take it. */
class DatedVersionTest {
  private static final LocalDate JAN = LocalDate.of(2027, 1, 1);
  private static final LocalDate MAR = LocalDate.of(2027, 3, 1);

  @Test
  void theLatestStartingVersionAppliesUntilItsEnd() {
    List<DatedVersion<String>> v =
        List.of(
            new DatedVersion<>("b", MAR, MAR.plusMonths(1), 7L),
            new DatedVersion<>("a", JAN, null, null));
    assertThat(DatedVersion.inForce(v, JAN.minusDays(1))).isEmpty();
    assertThat(DatedVersion.inForce(v, MAR.minusDays(1)).orElseThrow().value()).isEqualTo("a");
    assertThat(DatedVersion.inForce(v, MAR).orElseThrow().value()).isEqualTo("b");
    // an ended version leaves no rule: the earlier one does not come back
    assertThat(DatedVersion.inForce(v, MAR.plusMonths(1))).isEmpty();
    assertThat(DatedVersion.next(v, JAN)).contains(MAR);
    assertThat(DatedVersion.next(v, MAR)).isEmpty();
  }
}
