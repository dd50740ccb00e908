package org.openmiles.console.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accrual.api.BookingAccrual;
import org.openmiles.accrual.api.MissingMilesClaims;
import org.openmiles.cashmiles.api.CashMilesPayments;
import org.openmiles.redemption.api.AwardService;
import org.openmiles.retention.api.Consents;
import org.openmiles.retention.api.Engagement;
import org.openmiles.retention.api.MemberFacts;
import org.openmiles.retention.api.MemberNotScoredException;
import org.openmiles.retention.api.MemberScoreView;
import org.openmiles.retention.api.NpsAnswers;
import org.openmiles.retention.api.RetentionScores;
import org.openmiles.tiers.api.TierService;

/**
 * Builds the member 360 view: the member and every section the page shows, each read through its
 * module's api. A section that fails is logged and left out (named in {@link
 * MemberOverview#notAvailable()}) so one module being down does not take the whole page with it;
 * only the member itself must be readable. The claims, Cash & Miles payments, adjustments and
 * awards sections show the member's latest {@code openmiles.console.member.section-rows} (20) each.
 */
@ApplicationScoped
public class MemberOverviewQuery {
  static final Logger LOG = Logger.getLogger(MemberOverviewQuery.class.getName());

  /** Most rows a section may ask for: the smallest limit of the services it reads. */
  static final int MAX_SECTION_ROWS = 200;

  @Inject MemberService members;
  @Inject MilesLedger ledger;
  @Inject TierService tiers;
  @Inject MissingMilesClaims claims;
  @Inject BookingAccrual bookings;
  @Inject CashMilesPayments payments;
  @Inject Adjustments adjustments;
  @Inject AwardService awards;
  @Inject MemberFacts facts;
  @Inject RetentionScores scores;
  @Inject Engagement engagement;
  @Inject Consents consents;
  @Inject NpsAnswers nps;

  @Inject
  @ConfigProperty(name = "openmiles.console.member.section-rows", defaultValue = "20")
  int sectionRows;

  @PostConstruct
  void checkSettings() {
    if (sectionRows < 1 || sectionRows > MAX_SECTION_ROWS) {
      throw new IllegalStateException(
          "openmiles.console.member.section-rows must be 1 to "
              + MAX_SECTION_ROWS
              + ", not "
              + sectionRows);
    }
  }

  /** How many of the latest rows each list section shows. */
  public int sectionRows() {
    return sectionRows;
  }

  /** The member with that number, if there is one (an unknown number is no error). */
  public Optional<MemberView> find(MemberNumber number) {
    return members.find(number);
  }

  /**
   * Everything the page shows of this member, read now. The balance falls back to {@code
   * previousBalance} (what the page showed before) rather than to nothing.
   */
  public MemberOverview overview(MemberNumber number, BalanceView previousBalance) {
    List<String> notAvailable = new ArrayList<>();
    MemberView member = members.get(number);
    return new MemberOverview(
        member,
        section(notAvailable, "balance", () -> ledger.balance(number), previousBalance),
        section(notAvailable, "holds", () -> ledger.holds(number, true), List.of()),
        section(notAvailable, "tier", () -> tiers.status(number), null),
        section(notAvailable, "tier history", () -> tiers.history(number), List.of()),
        section(notAvailable, "claims", () -> claims.ofMember(number, sectionRows), List.of()),
        section(
            notAvailable,
            "Cash & Miles payments",
            () -> payments.paymentsOfMember(number, sectionRows),
            List.of()),
        section(notAvailable, "pending miles", () -> bookings.pendingMiles(number), null),
        section(
            notAvailable,
            "adjustments",
            () -> adjustments.ofMember(number, sectionRows),
            List.of()),
        section(notAvailable, "awards", () -> awards.awards(number, sectionRows), List.of()),
        section(notAvailable, "retention", () -> retention(number), null),
        List.copyOf(notAvailable));
  }

  /**
   * Retention's facts, scores (none before the member's first scoring), engagement, consents and
   * the latest five survey answers.
   */
  private MemberRetention retention(MemberNumber number) {
    MemberScoreView score;
    try {
      score = scores.member(number.value());
    } catch (MemberNotScoredException e) {
      score = null;
    }
    return new MemberRetention(
        facts.of(number).orElse(null),
        score,
        engagement.engagement(number, 5),
        consents.consents(number),
        nps.history(number, 5));
  }

  private static <T> T section(
      List<String> notAvailable, String name, Supplier<T> read, T fallback) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      notAvailable.add(name);
      LOG.log(Level.WARNING, "member 360: " + name + " not available", e);
      return fallback;
    }
  }
}
