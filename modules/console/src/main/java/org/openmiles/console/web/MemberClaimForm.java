package org.openmiles.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.FileClaim;
import org.openmiles.console.application.MemberActions;

/**
 * The missing-miles claim form of member 360: files the claim for the member shown and tells the
 * agent what became of it (credited, waiting for flown data, needing a review, rejected).
 */
@Named
@ViewScoped
public class MemberClaimForm implements Serializable {
  @Inject MemberActions actions;
  @Inject CurrentUser currentUser;
  @Inject MemberPage page;

  private FileClaimForm claim = new FileClaimForm();

  public void fileClaim() {
    try {
      ClaimView c =
          actions.fileClaim(
              currentUser.actor(),
              new FileClaim(
                  page.memberNumber(),
                  claim.getTicketNumber(),
                  claim.getCouponNumber(),
                  claim.getCarrier(),
                  claim.getFlightNumber(),
                  claim.getFlightDate(),
                  claim.getOrigin(),
                  claim.getDestination(),
                  claim.getBookingClass()));
      switch (c.status()) {
        case CREDITED ->
            Messages.info(
                "Claim " + c.id() + " credited: " + Show.grouped(c.milesCredited()) + " miles.",
                "Tell the member the miles are in the balance now.");
        case PENDING ->
            Messages.info(
                "Claim " + c.id() + " is waiting for the airline's flown data.",
                "It is matched automatically when the flight's coupon arrives.");
        case PENDING_REVIEW ->
            Messages.warn(
                "Claim " + c.id() + " needs a review: " + c.reason(),
                "Open Claims review to approve or reject it.");
        case REJECTED ->
            Messages.warn(
                "Claim " + c.id() + " rejected: " + c.reason(), "Explain this to the member.");
      }
      claim = new FileClaimForm();
      page.reload();
    } catch (RuntimeException e) {
      Messages.refused("Claim", e);
    }
  }

  public FileClaimForm getClaim() {
    return claim;
  }
}
