package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmiles.retention.domain.ActionType.Award;

class ActionTypeTest {

  private static Integer cap(String s) {
    return s == null || s.isBlank() ? null : Integer.valueOf(s);
  }

  @ParameterizedTest(
      name = "{0} points, caps day {1} life {2}, used {4}/{5}: counted {6}, {7} points, {8} miles")
  @CsvSource(
      delimiter = '|',
      value = {
        // points | daily cap | lifetime cap | bonus | used today | used ever | counted | points |
        // miles
        "10  | 10 |      | 0    | 0   | 500  | true  | 10 | 0", // first check-in of the day
        "10  | 10 |      | 0    | 10  | 500  | false | 0  | 0", // second: the daily cap is reached
        "30  | 40 |      | 0    | 30  | 30   | true  | 10 | 0", // cut to what the day leaves
        "50  |    | 50   | 500  | 0   | 0    | true  | 50 | 500", // profile completed, first time
        "50  |    | 50   | 500  | 0   | 50   | false | 0  | 0", // lifetime cap reached: no miles
        "100 |    | 1000 | 1000 | 0   | 950  | true  | 50 | 1000", // the cap's last points: full
        // miles
        "20  |    |      | 0    | 900 | 9000 | true  | 20 | 0", // no caps
        "10  | 10 | 10   | 0    | 0   | 10   | false | 0  | 0", // the lifetime cap binds first
        "10  | 0  |      | 0    | 0   | 0    | false | 0  | 0", // a cap of 0 switches it off
      })
  void capsCutPointsAndAnActionOverACapEarnsNothing(
      int points,
      String daily,
      String lifetime,
      long bonus,
      long today,
      long ever,
      boolean counted,
      int awarded,
      long miles) {
    ActionType type = new ActionType("T", "test", points, cap(daily), cap(lifetime), bonus, true);
    Award a = type.award(today, ever);
    assertThat(a.counted()).isEqualTo(counted);
    assertThat(a.points()).isEqualTo(awarded);
    assertThat(a.bonusMiles()).isEqualTo(miles);
  }
}
