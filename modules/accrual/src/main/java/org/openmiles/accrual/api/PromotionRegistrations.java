package org.openmiles.accrual.api;

import java.util.List;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Promotions as agents and booking sites see them, and members' registrations for those that pay
 * only registered members (issue 20). Promotions themselves are changed through program
 * administration ({@code /v1/program}), never here.
 */
public interface PromotionRegistrations {

  /** The promotions earning on some day from today (airline zone) on, in code order. */
  List<PromotionView> current();

  /**
   * Registers {@code member} for promotion {@code code} from today in the airline's zone, recorded
   * by {@code by}; registering again answers the first registration unchanged.
   *
   * @throws PromotionNotFoundException for an unknown code
   * @throws RegistrationRefusedException when the promotion asks for no registration or has ended
   * @throws org.openmiles.accounts.api.MemberNotFoundException for an unknown member
   */
  PromotionRegistrationView register(String code, MemberNumber member, String by);

  /** The member's registrations, newest first. */
  List<PromotionRegistrationView> registrations(MemberNumber member);
}
