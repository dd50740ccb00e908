package org.openmiles.retention.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The scores of the latest scoring run, for marketing (REST, console, exports): segment sizes, one
 * member's scores and churn reasons, the churn-risk list, movements between segments and the model
 * fits. Read-only; each answer is one query over the stored scores.
 */
public interface RetentionScores {

  /** Every configured segment with its members (0 for an empty one), in the map's order. */
  List<SegmentSize> segments();

  /** One member's scores and churn reasons; {@link MemberNotScoredException} if none. */
  MemberScoreView member(String memberNumber);

  /** The members with at least one churn reason, by CLV (highest first), filtered and paged. */
  ChurnRiskPage churnRisk(ChurnRiskQuery query);

  /** How many members moved from one segment to another, per pair, scored in {@code [from, to]}. */
  List<SegmentMovement> movements(LocalDate from, LocalDate to);

  /** The members of one movement in {@code [from, to]}, by member number, paged. */
  MovementMembersPage movementMembers(
      LocalDate from, LocalDate to, String fromSegment, String toSegment, int limit, int offset);

  /** The latest model fits, newest first. */
  List<ModelFitView> fits(int limit);
}
