package org.openmiles.retention.domain;

import java.time.LocalDate;
import java.util.List;
import org.openmiles.program.api.Simulation;

/**
 * The versions of the engagement catalogue, the engagement levels and the campaigns' rules as
 * program administration reads and adds them (issue 20, ADR 0045; V10). A version is added from its
 * date and never changed; the replay of engagement actions is read-only.
 */
public interface EngagementVersions {

  /** Every version of an action type's catalogue entry, oldest first (empty: no such code). */
  List<Versioned<ActionType>> actionTypes(String code);

  /**
   * Adds a version of action type {@code type.code()} from {@code from} written by change request
   * {@code change}, registering the code if it is new; false if a version from that date is there
   * already (versions are never overwritten). So do the other {@code add}s.
   */
  boolean addActionType(ActionType type, LocalDate from, long change);

  /** Every version of every engagement level, each level's oldest first. */
  List<Versioned<LevelVersion>> levels();

  boolean addLevel(LevelVersion level, LocalDate from, long change);

  /** Whether the campaign code is in the catalogue (its selection rule is code). */
  boolean campaignExists(String code);

  /** Every version of a campaign's rule, oldest first. */
  List<Versioned<CampaignRule>> campaignRules(String code);

  boolean addCampaignRule(String code, CampaignRule rule, LocalDate from, long change);

  /**
   * The counted actions (AWARDED or CAPPED) of type {@code code} on airline days {@code from}–
   * {@code to}, their points replayed set-based under the version in force on each action's day
   * ({@code before}, checked action by action against the points recorded) and under {@code
   * proposed} as if in force throughout the window ({@code after}); read-only.
   */
  Replay replayActions(String code, ActionType proposed, LocalDate from, LocalDate to);

  /**
   * A replay's totals: actions, those the replay of the versions in force gave exactly the points
   * recorded ({@code replayed}), members with actions and those whose points change, points before
   * and after, and the breakdown by month ({@code groups}, dimension {@code month}).
   */
  record Replay(
      long records,
      long replayed,
      long members,
      long membersAffected,
      long pointsBefore,
      long pointsAfter,
      List<Simulation.Group> groups) {}
}
