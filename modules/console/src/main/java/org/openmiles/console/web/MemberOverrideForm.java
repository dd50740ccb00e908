package org.openmiles.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.console.application.MemberActions;
import org.openmiles.tiers.api.TierBenefits;
import org.openmiles.tiers.api.TierService;
import org.openmiles.tiers.api.TierStatusView;

/**
 * The tier override (status match) form of member 360, shown to supervisors; {@link MemberActions}
 * refuses anyone else. The menu offers the tiers in force above the base tier, lowest first, as the
 * tiers module defines them ({@link TierService#grantableTiers}).
 */
@Named
@ViewScoped
public class MemberOverrideForm implements Serializable {
  @Inject MemberActions actions;
  @Inject CurrentUser currentUser;
  @Inject MemberPage page;
  @Inject TierService tierService;

  private String overrideTier;
  private LocalDate overrideUntil;
  private String overrideReason;
  private transient List<TierBenefits> tiers;

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

  /** Read once per view: the menu is rendered, then its value checked on submit. */
  public List<TierBenefits> getTiers() {
    if (tiers == null) {
      try {
        tiers = tierService.grantableTiers();
      } catch (RuntimeException e) {
        tiers = List.of();
        Messages.refused("Reading the tiers", e);
      }
    }
    return tiers;
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
