package org.openmiles.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MergeView;
import org.openmiles.console.application.MemberMergeActions;
import org.openmiles.console.application.MergePreview;

/**
 * Merge duplicate members (supervisors, {@code merge.xhtml}): name the member who stays and the
 * duplicate, compare them side by side, confirm with a reason. Changing either number drops the
 * comparison, so what is confirmed is what was shown.
 */
@Named
@ViewScoped
public class MergeBean implements Serializable {
  @Inject MemberMergeActions merges;
  @Inject CurrentUser currentUser;

  private String survivor;
  private String duplicate;
  private String reason;
  private MergePreview preview;
  private MergeView done;

  public void compare() {
    preview = null;
    done = null;
    try {
      preview = merges.preview(currentUser.actor(), number(survivor), number(duplicate));
      if (preview.isMergeable()) {
        Messages.info(
            "Check both members side by side.",
            "If they are the same person, give a reason and merge: the miles move to "
                + survivor
                + " and "
                + duplicate
                + " is closed.");
      } else {
        Messages.warn(
            "These two cannot be merged now.",
            "See what blocks it below, deal with it, then compare again.");
      }
    } catch (RuntimeException e) {
      Messages.refused("Comparison", e);
    }
  }

  public void merge() {
    if (preview == null) {
      Messages.warn("Compare the two members first.", "The merge needs both shown side by side.");
      return;
    }
    try {
      done =
          merges.merge(
              currentUser.actor(),
              preview.survivor().number(),
              preview.duplicate().number(),
              reason);
      Messages.info(
          "Merged: "
              + Show.grouped(done.milesMoved())
              + " miles moved from "
              + done.duplicate()
              + " to "
              + done.survivor()
              + (done.replayed() ? " (already done earlier; nothing changed now)." : "."),
          done.duplicate()
              + " is closed; searching for it opens "
              + done.survivor()
              + ". Tell the member to use "
              + done.survivor()
              + " from now on.");
      preview = null;
      reason = null;
    } catch (RuntimeException e) {
      Messages.refused("Merge", e);
    }
  }

  private static MemberNumber number(String value) {
    String v = value == null ? "" : value.replace(" ", "");
    if (!MemberNumber.isValid(v)) {
      throw new IllegalArgumentException(
          "\"" + v + "\" is not a member number (10 digits): find the member in the search first");
    }
    return new MemberNumber(v);
  }

  public String getSurvivor() {
    return survivor;
  }

  public void setSurvivor(String survivor) {
    if (preview != null && survivor != null && !survivor.strip().equals(this.survivor)) {
      preview = null;
    }
    this.survivor = survivor == null ? null : survivor.strip();
  }

  public String getDuplicate() {
    return duplicate;
  }

  public void setDuplicate(String duplicate) {
    if (preview != null && duplicate != null && !duplicate.strip().equals(this.duplicate)) {
      preview = null;
    }
    this.duplicate = duplicate == null ? null : duplicate.strip();
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public MergePreview getPreview() {
    return preview;
  }

  public MergeView getDone() {
    return done;
  }
}
