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
