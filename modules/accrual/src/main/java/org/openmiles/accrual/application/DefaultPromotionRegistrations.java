package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accrual.api.PromotionNotFoundException;
import org.openmiles.accrual.api.PromotionRegistrationView;
import org.openmiles.accrual.api.PromotionRegistrations;
import org.openmiles.accrual.api.PromotionView;
import org.openmiles.accrual.api.RegistrationRefusedException;
import org.openmiles.accrual.domain.Promotion;
import org.openmiles.accrual.domain.PromotionRepository;
import org.openmiles.accrual.domain.PromotionVersions;
import org.openmiles.accrual.domain.PromotionVersions.Registration;
import org.openmiles.accrual.domain.PromotionVersions.Written;
import org.openmiles.common.time.AirlineZone;

/** Promotions for agents and booking sites, and registrations (issue 20). */
@ApplicationScoped
@Transactional
public class DefaultPromotionRegistrations implements PromotionRegistrations {
  /** How far ahead the current promotions are looked for. */
  private static final int AHEAD_YEARS = 5;

  @Inject PromotionRepository promotions;
  @Inject PromotionVersions versions;
  @Inject MemberService members;
  @Inject AirlineZone airline;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PromotionView> current() {
    LocalDate today = today();
    return promotions.overlapping(today, today.plusYears(AHEAD_YEARS)).stream()
        .map(DefaultPromotionRegistrations::view)
        .toList();
  }

  @Override
  public PromotionRegistrationView register(String code, MemberNumber member, String by) {
    LocalDate today = today();
    List<Written> all = versions.versions(code);
    if (all.isEmpty()) {
      throw new PromotionNotFoundException(code);
    }
    // the terms in force today, or the first ones of a promotion that has not started yet
    Promotion p =
        all.stream()
            .map(Written::promotion)
            .filter(v -> v.version().covers(today))
            .findFirst()
            .orElse(all.get(0).promotion());
    if (!p.registrationRequired()) {
      throw new RegistrationRefusedException(
          "REGISTRATION_NOT_NEEDED",
          "Promotion " + code + " pays every member in its scope: no registration is needed.");
    }
    if (p.effectiveTo() != null && !today.isBefore(p.effectiveTo())) {
      throw new RegistrationRefusedException(
          "PROMOTION_ENDED",
          "Promotion " + code + " ended on " + p.effectiveTo().minusDays(1) + ".");
    }
    members.get(member); // an unknown member is refused
    return view(versions.register(code, member, today, by));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PromotionRegistrationView> registrations(MemberNumber member) {
    members.get(member);
    return versions.registrations(member).stream()
        .map(DefaultPromotionRegistrations::view)
        .toList();
  }

  private LocalDate today() {
    return airline.today();
  }

  private static PromotionView view(Promotion p) {
    return new PromotionView(
        p.code(), p.version().from(), p.version().until(), PromotionTerms.fields(p));
  }

  private static PromotionRegistrationView view(Registration r) {
    return new PromotionRegistrationView(
        r.promotionCode(), r.member().value(), r.registeredOn(), r.registeredBy());
  }
}
