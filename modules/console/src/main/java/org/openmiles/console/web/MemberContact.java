package org.openmiles.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.openmiles.console.application.MemberActions;
import org.openmiles.console.domain.Masking;

/**
 * The member's email and phone on member 360: masked for an agent until they give a reason to see
 * them (audited, and shown for the rest of this page), always in full for a supervisor.
 */
@Named
@ViewScoped
public class MemberContact implements Serializable {
  @Inject MemberActions actions;
  @Inject CurrentUser currentUser;
  @Inject MemberPage page;

  private boolean revealed;
  private String revealReason;

  public void reveal() {
    try {
      actions.revealPersonalData(currentUser.actor(), page.memberNumber(), revealReason);
      revealed = true;
      revealReason = null;
      Messages.info("Email and phone shown.", "Your reason is in the audit log.");
    } catch (RuntimeException e) {
      Messages.refused("Showing personal data", e);
    }
  }

  public boolean isShowFullContact() {
    return revealed || currentUser.isSupervisor();
  }

  /** The email as this user may see it. */
  public String email(String email) {
    return isShowFullContact() ? email : Masking.email(email);
  }

  /** The phone as this user may see it. */
  public String phone(String phone) {
    return isShowFullContact() ? phone : Masking.phone(phone);
  }

  public String getShownEmail() {
    return email(page.getMember().email());
  }

  public String getShownPhone() {
    return phone(page.getMember().phone());
  }

  public String getRevealReason() {
    return revealReason;
  }

  public void setRevealReason(String revealReason) {
    this.revealReason = revealReason;
  }
}
