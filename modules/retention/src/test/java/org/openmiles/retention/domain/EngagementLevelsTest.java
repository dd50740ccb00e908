package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmiles.retention.api.LevelView;

class EngagementLevelsTest {
  // given out of order: the thresholds order them
  private final EngagementLevels levels =
      new EngagementLevels(
          List.of(
              new LevelView("ADVOCATE", "Advocate", 300),
              new LevelView("NEWCOMER", "Newcomer", 0),
              new LevelView("AMBASSADOR", "Ambassador", 1000),
              new LevelView("ENGAGED", "Engaged", 100)));

  @ParameterizedTest(name = "{0} points: {1}, next {2}")
  @CsvSource({
    "0, NEWCOMER, ENGAGED",
    "99, NEWCOMER, ENGAGED",
    "100, ENGAGED, ADVOCATE", // the threshold itself reaches the level
    "299, ENGAGED, ADVOCATE",
    "300, ADVOCATE, AMBASSADOR",
    "5000, AMBASSADOR, ''"
  })
  void theHighestLevelWhoseThresholdThePointsReach(long points, String level, String next) {
    assertThat(levels.levelFor(points).code()).isEqualTo(level);
    assertThat(levels.nextAbove(points).map(LevelView::code).orElse("")).isEqualTo(next);
  }

  @Test
  void theLowestLevelMustStartAtZero() {
    assertThatThrownBy(() -> new EngagementLevels(List.of(new LevelView("X", "x", 10))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
