package org.openmiles.retention.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openmiles.retention.api.ChurnRiskPage;
import org.openmiles.retention.api.ChurnRiskQuery;
import org.openmiles.retention.api.MemberScoreView;
import org.openmiles.retention.api.ModelFitView;
import org.openmiles.retention.api.MovementMembersPage;
import org.openmiles.retention.api.SegmentMovement;

/** Reads of the stored scores (see {@link org.openmiles.retention.api.RetentionScores}). */
public interface ScoreQueries {

  /** Per segment present: members, window revenue and mean CLV. */
  List<Segment> segments();

  /** A segment's figures. */
  record Segment(String name, long members, BigDecimal revenue, BigDecimal averageClv) {}

  Optional<MemberScoreView> member(String member);

  ChurnRiskPage churnRisk(ChurnRiskQuery query);

  List<SegmentMovement> movements(LocalDate from, LocalDate to);

  MovementMembersPage movementMembers(
      LocalDate from, LocalDate to, String fromSegment, String toSegment, int limit, int offset);

  List<ModelFitView> fits(int limit);
}
