package org.openmiles.console.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openmiles.console.application.Adjustments;
import org.openmiles.console.domain.AdjustmentView;

/** The supervisors' queue of adjustments above an agent's limit, oldest first. */
@Named
@ViewScoped
public class ApprovalsBean implements Serializable {
  @Inject Adjustments adjustments;
  @Inject CurrentUser currentUser;

  private List<AdjustmentView> pending = List.of();
  private String note;

  @PostConstruct
  void init() {
    pending = adjustments.pending(100);
  }

  public void approve(long id) {
    try {
      AdjustmentView a = adjustments.approve(currentUser.actor(), id, note);
      Messages.info(
          "Adjustment "
              + id
              + " approved: "
              + Show.grouped(a.miles())
              + " miles posted to "
              + a.member()
              + ".",
          a.requestedBy() + " can tell the member.");
      note = null;
    } catch (RuntimeException e) {
      Messages.refused("Approval", e);
    }
    init();
  }

  public void reject(long id) {
    try {
      adjustments.reject(currentUser.actor(), id, note);
      Messages.info(
          "Adjustment " + id + " rejected.", "Nothing was posted; the reason is audited.");
      note = null;
    } catch (RuntimeException e) {
      Messages.refused("Rejection", e);
    }
    init();
  }

  public List<AdjustmentView> getPending() {
    return pending;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
