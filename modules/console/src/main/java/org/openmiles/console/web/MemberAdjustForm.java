package org.openmiles.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.openmiles.console.application.Adjustments;
import org.openmiles.console.domain.AdjustmentStatus;
import org.openmiles.console.domain.AdjustmentView;

/**
 * The goodwill adjustment form of member 360: up to the agent limit posts at once, above it waits
 * for a supervisor; either way the member is read again.
 */
@Named
@ViewScoped
public class MemberAdjustForm implements Serializable {
  @Inject Adjustments adjustments;
  @Inject CurrentUser currentUser;
  @Inject MemberPage page;

  private Long adjustMiles;
  private String adjustReason;

  public void adjust() {
    try {
      AdjustmentView a =
          adjustments.request(
              currentUser.actor(),
              page.memberNumber(),
              adjustMiles == null ? 0 : adjustMiles,
              adjustReason);
      if (a.status() == AdjustmentStatus.POSTED) {
        Messages.info(
            "Adjustment of " + Show.grouped(a.miles()) + " miles posted.",
            "The balance below includes it; tell the member it is available now.");
      } else {
        Messages.warn(
            "Adjustment of " + Show.grouped(a.miles()) + " miles is waiting for a supervisor.",
            "It is above your limit of "
                + Show.grouped(adjustments.agentLimit())
                + " miles. Tell the member it will show once approved (request "
                + a.id()
                + ").");
      }
      adjustMiles = null;
      adjustReason = null;
      page.reload();
    } catch (RuntimeException e) {
      Messages.refused("Adjustment", e);
    }
  }

  public long getAgentLimit() {
    return adjustments.agentLimit();
  }

  public Long getAdjustMiles() {
    return adjustMiles;
  }

  public void setAdjustMiles(Long adjustMiles) {
    this.adjustMiles = adjustMiles;
  }

  public String getAdjustReason() {
    return adjustReason;
  }

  public void setAdjustReason(String adjustReason) {
    this.adjustReason = adjustReason;
  }
}
