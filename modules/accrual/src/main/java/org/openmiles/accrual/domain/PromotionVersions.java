package org.openmiles.accrual.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Promotions as program managers change them (issue 20, ADR 0045): the versions of each promotion
 * code, a new version added from its date (never one rewritten), and the members registered for a
 * promotion that pays only them. What the versions pay is read by {@link PromotionRepository}.
 */
public interface PromotionVersions {

  /** One version as written, with the approved change request that wrote it (null if seeded). */
  record Written(Promotion promotion, Long change) {}

  /** A member's registration for a promotion: the date it counts from and who recorded it. */
  record Registration(
      String promotionCode, MemberNumber member, LocalDate registeredOn, String registeredBy) {}

  /**
   * A promotion replayed on real activity (read-only): the totals ({@link
   * PartnerRuleVersions.Replay}: records the promotion pays or paid, members, members whose bonus
   * changes, bonus miles awarded under the code and those the proposal would award, by month) and
   * the same by source ({@code PARTNER_CODE} or {@code CARRIER CLASS} of a flight).
   */
  record Replayed(PartnerRuleVersions.Replay totals, List<PartnerRuleVersions.Month> bySource) {}

  /**
   * Replays {@code proposal} (terms of promotion {@code proposal.code()}) as if in force throughout
   * {@code from}–{@code to} on the credited partner records and flown coupons of those days, beside
   * the bonuses really awarded under its code; {@code replayed} counts the records on which the
   * versions in force (with their registration rule and cap) give what was awarded.
   */
  Replayed replay(Promotion proposal, LocalDate from, LocalDate to);

  /** Every version of promotion {@code code}, oldest first; empty for an unknown code. */
  List<Written> versions(String code);

  /**
   * Adds {@code version} (its code's first creates the code), written by change request {@code
   * change}; false if the code already has a version from that date.
   */
  boolean add(Promotion version, long change);

  /**
   * Registers {@code member} for promotion {@code code} from {@code on}, recorded by {@code by};
   * the registration already kept if there is one (registering again changes nothing).
   */
  Registration register(String code, MemberNumber member, LocalDate on, String by);

  /** The member's registration for the promotion, if any. */
  Optional<Registration> registration(String code, MemberNumber member);

  /** Every registration of {@code member}, newest first. */
  List<Registration> registrations(MemberNumber member);
}
