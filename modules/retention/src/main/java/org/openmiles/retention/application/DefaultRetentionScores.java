package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.common.ValidationException;
import org.openmiles.retention.api.ChurnRiskPage;
import org.openmiles.retention.api.ChurnRiskQuery;
import org.openmiles.retention.api.MemberNotScoredException;
import org.openmiles.retention.api.MemberScoreView;
import org.openmiles.retention.api.ModelFitView;
import org.openmiles.retention.api.MovementMembersPage;
import org.openmiles.retention.api.RetentionScores;
import org.openmiles.retention.api.SegmentMovement;
import org.openmiles.retention.api.SegmentSize;
import org.openmiles.retention.domain.RfmSegments;
import org.openmiles.retention.domain.ScoreQueries;
import org.openmiles.retention.domain.ScoringSettings;

/** Reads of the stored scores, with the bounds of each query checked. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DefaultRetentionScores implements RetentionScores {
  static final int MAX_PAGE = 500;
  static final int MAX_RANGE_DAYS = 3660;

  @Inject ScoreQueries queries;
  @Inject ScoringSettings settings;

  @Override
  public List<SegmentSize> segments() {
    Map<String, SegmentSize> bySegment = new LinkedHashMap<>();
    for (RfmSegments.Rule rule : settings.segments().rules()) {
      bySegment.putIfAbsent(rule.segment(), new SegmentSize(rule.segment(), 0, null, null));
    }
    for (ScoreQueries.Segment s : queries.segments()) {
      bySegment.put(s.name(), new SegmentSize(s.name(), s.members(), s.revenue(), s.averageClv()));
    }
    return new ArrayList<>(bySegment.values());
  }

  @Override
  public MemberScoreView member(String memberNumber) {
    if (memberNumber == null || !memberNumber.matches("[A-Za-z0-9]{1,10}")) {
      throw ValidationException.of(
          "number", "must be a member number (up to 10 letters or digits)");
    }
    return queries
        .member(memberNumber)
        .orElseThrow(
            () -> new MemberNotScoredException("member " + memberNumber + " has no scores"));
  }

  @Override
  public ChurnRiskPage churnRisk(ChurnRiskQuery query) {
    page(query.limit(), query.offset());
    if (query.minClv() != null && query.minClv().signum() < 0) {
      throw ValidationException.of("minClv", "must be >= 0");
    }
    return queries.churnRisk(query);
  }

  @Override
  public List<SegmentMovement> movements(LocalDate from, LocalDate to) {
    range(from, to);
    return queries.movements(from, to);
  }

  @Override
  public MovementMembersPage movementMembers(
      LocalDate from, LocalDate to, String fromSegment, String toSegment, int limit, int offset) {
    range(from, to);
    page(limit, offset);
    if (fromSegment == null || fromSegment.isBlank()) {
      throw ValidationException.of("from", "is required: the segment the members left");
    }
    if (toSegment == null || toSegment.isBlank()) {
      throw ValidationException.of("to", "is required: the segment the members entered");
    }
    return queries.movementMembers(from, to, fromSegment, toSegment, limit, offset);
  }

  @Override
  public List<ModelFitView> fits(int limit) {
    if (limit < 1 || limit > 100) {
      throw ValidationException.of("limit", "must be 1 to 100");
    }
    return queries.fits(limit);
  }

  private static void page(int limit, int offset) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw ValidationException.of("limit", "must be 1 to " + MAX_PAGE);
    }
    if (offset < 0) {
      throw ValidationException.of("offset", "must be >= 0");
    }
  }

  private static void range(LocalDate from, LocalDate to) {
    if (from == null || to == null) {
      throw ValidationException.of("since", "and until are required (yyyy-MM-dd)");
    }
    if (to.isBefore(from)) {
      throw ValidationException.of("until", "must not be before since");
    }
    if (from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
      throw ValidationException.of("until", "must be within 10 years of since");
    }
  }
}
