package org.openmiles.retention.api;

import java.util.List;
import org.openmiles.accounts.api.MemberNumber;

/**
 * A member's engagement: points, level, the next level (null at the top) with the points still
 * needed, and the most recent actions, newest first.
 */
public record MemberEngagementView(
    MemberNumber member,
    long points,
    LevelView level,
    LevelView nextLevel,
    long pointsToNextLevel,
    List<ActionView> recentActions) {
  public MemberEngagementView {
    recentActions = List.copyOf(recentActions);
  }
}
