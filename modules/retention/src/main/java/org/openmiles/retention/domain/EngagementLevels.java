package org.openmiles.retention.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openmiles.retention.api.LevelView;

/**
 * The engagement levels, by their thresholds: a member is at the highest level whose threshold
 * their points reach (the lowest level starts at 0, so everyone has one).
 */
public final class EngagementLevels {
  private final List<LevelView> levels;

  public EngagementLevels(List<LevelView> levels) {
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("at least one engagement level is needed");
    }
    this.levels = levels.stream().sorted(Comparator.comparingLong(LevelView::minPoints)).toList();
    if (this.levels.get(0).minPoints() != 0) {
      throw new IllegalArgumentException("the lowest engagement level must start at 0 points");
    }
  }

  /** Lowest first. */
  public List<LevelView> all() {
    return levels;
  }

  /** The level {@code points} reach. */
  public LevelView levelFor(long points) {
    LevelView at = levels.get(0);
    for (LevelView l : levels) {
      if (points >= l.minPoints()) {
        at = l;
      }
    }
    return at;
  }

  /** The next level above {@code points}, if any. */
  public Optional<LevelView> nextAbove(long points) {
    return levels.stream().filter(l -> l.minPoints() > points).findFirst();
  }
}
