package org.openmiles.retention.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.retention.api.ActionView;
import org.openmiles.retention.api.LevelView;

/**
 * The engagement catalogue, levels, members' points and actions ({@code retention.engagement_*},
 * {@code retention.member_engagement}).
 */
public interface EngagementRepository {
  /** The catalogue on airline day {@code on}: each code's version in force that day (V10). */
  List<ActionType> catalogue(LocalDate on);

  /** The action type's version in force on {@code on}; empty for a code not in force that day. */
  Optional<ActionType> type(String code, LocalDate on);

  /** The levels' versions in force on {@code on}, lowest threshold first. */
  List<LevelView> levels(LocalDate on);

  /**
   * Locks the member's engagement row until the transaction ends, creating it (0 points, {@code
   * lowestLevel}) if missing; returns the member's points.
   */
  long lockMember(MemberNumber member, String lowestLevel, Instant now);

  /** The member's points, if they ever posted an action. */
  Optional<Long> points(MemberNumber member);

  /** Sets the member's points and level (their row is locked by this transaction). */
  void setPoints(MemberNumber member, long points, String levelCode, Instant now);

  Optional<ActionView> action(String actionId);

  /** Points of {@code type} counted for the member: on {@code day}, and ever. */
  record PointsCounted(long onDay, long ever) {}

  PointsCounted counted(MemberNumber member, String type, LocalDate day);

  /**
   * Stores a new action; false if its action id (or, for a referral, its friend) is already stored
   * by another transaction that committed meanwhile.
   */
  boolean insert(ActionView action, String principal);

  /** Whether {@code friend} was referred by anyone. */
  boolean referred(MemberNumber friend);

  /**
   * Marks the PENDING referrals of these friends QUALIFIED (they flew); returns their action ids.
   */
  List<String> qualifyReferrals(Collection<String> friends, Instant now);

  /** Sets what a qualified referral earned: AWARDED or CAPPED, its points, miles and day. */
  void creditReferral(ActionView credited, Instant now);

  /** The member's latest {@code limit} actions, newest first. */
  List<ActionView> recent(MemberNumber member, int limit);
}
