package org.openmiles.console.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openmiles.accrual.api.ClaimStatus;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.MissingMilesClaims;
import org.openmiles.console.application.MemberActions;

/** Missing-miles claims that wait for an agent (PENDING_REVIEW), oldest first. */
@Named
@ViewScoped
public class ClaimsBean implements Serializable {
  @Inject MissingMilesClaims claims;
  @Inject MemberActions actions;
  @Inject CurrentUser currentUser;

  private List<ClaimView> queue = List.of();
  private String note;

  @PostConstruct
  void init() {
    queue = claims.queue(ClaimStatus.PENDING_REVIEW, 0, 100);
  }

  public void approve(long id) {
    try {
      ClaimView c = actions.approveClaim(currentUser.actor(), id, note);
      Messages.info(
          "Claim " + id + " credited: " + Show.grouped(c.milesCredited()) + " miles.",
          "The member sees them in their balance now.");
      note = null;
    } catch (RuntimeException e) {
      Messages.refused("Claim approval", e);
    }
    init();
  }

  public void reject(long id) {
    try {
      actions.rejectClaim(currentUser.actor(), id, note);
      Messages.info("Claim " + id + " rejected.", "The member is told the reason you gave.");
      note = null;
    } catch (RuntimeException e) {
      Messages.refused("Claim rejection", e);
    }
    init();
  }

  public List<ClaimView> getQueue() {
    return queue;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
