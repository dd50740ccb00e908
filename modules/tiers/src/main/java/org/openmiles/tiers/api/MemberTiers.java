package org.openmiles.tiers.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Read side of member status for other modules: which tier a member holds on a date and what it
 * gives. A member without a recorded status holds the base tier. Set-based, so that accrual can
 * look up a whole chunk of records with one query.
 */
public interface MemberTiers {

  /** The tier of each member on {@code date}; every member asked for is in the answer. */
  Map<MemberNumber, TierBenefits> tiersOn(Collection<MemberNumber> members, LocalDate date);

  /**
   * The tier of each member on each date asked for, in one read whatever the number of dates (a
   * chunk of flights spans many); every pair asked for is in the answer.
   */
  Map<MemberOnDate, TierBenefits> tiersAt(Collection<MemberOnDate> asked);

  /**
   * The currency qualifying spend is counted in today (the tier program in force in the airline's
   * time zone): empty when no tier in force has a spend threshold, and then no spend is counted.
   * Two small reads; a chunk asks once.
   */
  Optional<String> spendCurrency();

  /**
   * The base tier (the lowest rank) in force on {@code date}, which every member holds at least.
   */
  TierBenefits baseOn(LocalDate date);

  /**
   * The members who hold a tier above the base tier on {@code date} (earned and valid that day, or
   * an agent's override in force), a page at a time in member-number order after {@code after}
   * ({@code null}: from the first). A page reads at most {@code limit} recorded statuses, so it may
   * hold fewer members, or none, and still not be the last. Only members with a recorded status are
   * read: a caller that needs everyone's tier (most hold the base) asks about a few instead of all.
   */
  AboveBasePage aboveBaseOn(LocalDate date, MemberNumber after, int limit);

  /** The tier of one member on {@code date}. */
  default TierBenefits tierOn(MemberNumber member, LocalDate date) {
    return tiersOn(java.util.List.of(member), date).get(member);
  }
}
