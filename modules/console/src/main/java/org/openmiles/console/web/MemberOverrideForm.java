package org.openmiles.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.console.application.MemberActions;
import org.openmiles.tiers.api.TierStatusView;

/**
 * The tier override (status match) form of member 360, shown to supervisors; {@link MemberActions}
 * refuses anyone else.
 */
@Named
@ViewScoped
public class MemberOverrideForm implements Serializable {
  @Inject MemberActions actions;
  @Inject CurrentUser currentUser;
  @Inject MemberPage page;

  private String overrideTier;
  private LocalDate overrideUntil;
  private String overrideReason;

  public void grantOverride() {
    try {
      TierStatusView after =
          actions.overrideTier(
              currentUser.actor(),
              page.memberNumber(),
              overrideTier,
              overrideUntil,
              overrideReason);
      Messages.info(
          "Tier override granted: " + after.tierName() + " until " + overrideUntil + ".",
          "The member has the benefits from today.");
      overrideReason = null;
      page.reload();
    } catch (RuntimeException e) {
      Messages.refused("Tier override", e);
    }
  }

  public List<String> getTierCodes() {
    return List.of("TITANIUM", "GOLD", "PLATINUM");
  }

  public String getOverrideTier() {
    return overrideTier;
  }

  public void setOverrideTier(String overrideTier) {
    this.overrideTier = overrideTier;
  }

  public LocalDate getOverrideUntil() {
    return overrideUntil;
  }

  public void setOverrideUntil(LocalDate overrideUntil) {
    this.overrideUntil = overrideUntil;
  }

  public String getOverrideReason() {
    return overrideReason;
  }

  public void setOverrideReason(String overrideReason) {
    this.overrideReason = overrideReason;
  }
}
