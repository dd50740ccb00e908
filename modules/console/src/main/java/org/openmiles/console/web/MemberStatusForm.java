package org.openmiles.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.console.application.MemberActions;

/** The account status form of member 360: activate, suspend or (supervisors) close the member. */
@Named
@ViewScoped
public class MemberStatusForm implements Serializable {
  @Inject MemberActions actions;
  @Inject CurrentUser currentUser;
  @Inject MemberPage page;

  private MemberStatus statusTarget;
  private String statusReason;

  public void changeStatus() {
    if (statusTarget == null) {
      Messages.error(
          "Choose the status to change to.", "Nothing was changed; the reason you typed is kept.");
      return;
    }
    try {
      actions.changeStatus(currentUser.actor(), page.memberNumber(), statusTarget, statusReason);
      Messages.info(
          "Member is now " + statusTarget.name().toLowerCase(Locale.ROOT) + ".",
          whatItMeans(statusTarget));
      statusReason = null;
      page.reload();
    } catch (RuntimeException e) {
      Messages.refused("Status change", e);
    }
  }

  /** What the agent tells the member about their new status. */
  static String whatItMeans(MemberStatus status) {
    return switch (status) {
      case ACTIVE -> "They can earn and spend miles again.";
      case SUSPENDED -> "They keep earning but cannot spend or hold miles until reactivated.";
      case CLOSED -> "The account earns and spends nothing more.";
    };
  }

  /**
   * The statuses this user may move the member to: never the one it has, and closing only for a
   * supervisor (an agent would be refused after filling in the form).
   */
  public List<MemberStatus> getStatusTargets() {
    return page.getMember() == null
        ? List.of()
        : targets(page.getMember().status(), currentUser.isSupervisor());
  }

  static List<MemberStatus> targets(MemberStatus current, boolean supervisor) {
    return Arrays.stream(MemberStatus.values())
        .filter(s -> s != current)
        .filter(s -> s != MemberStatus.CLOSED || supervisor)
        .toList();
  }

  public MemberStatus getStatusTarget() {
    return statusTarget;
  }

  public void setStatusTarget(MemberStatus statusTarget) {
    this.statusTarget = statusTarget;
  }

  public String getStatusReason() {
    return statusReason;
  }

  public void setStatusReason(String statusReason) {
    this.statusReason = statusReason;
  }
}
