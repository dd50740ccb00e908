package org.openmiles.console.web;

import jakarta.enterprise.event.Observes;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accounts.api.UpdateProfile;
import org.openmiles.console.application.MemberActions;

/**
 * The edit-profile form of member 360: filled with the saved values each time the member is read,
 * contact fields masked as {@link MemberContact} shows them; only fields that differ from the saved
 * values are sent as changes.
 */
@Named
@ViewScoped
public class MemberProfileForm implements Serializable {
  @Inject MemberActions actions;
  @Inject CurrentUser currentUser;
  @Inject MemberPage page;
  @Inject MemberContact contact;

  private String firstName;
  private String lastName;
  private String email;
  private String phone;
  private String country;
  private String profileReason;

  void onShown(@Observes MemberShown shown) {
    MemberView m = shown.overview().member();
    firstName = m.firstName();
    lastName = m.lastName();
    email = m.email();
    phone = m.phone();
    country = m.country();
  }

  public void saveProfile() {
    try {
      MemberView saved = page.getMember();
      boolean masked = !contact.isShowFullContact();
      actions.updateProfile(
          currentUser.actor(),
          saved.number(),
          new UpdateProfile(
              changed(firstName, saved.firstName()),
              changed(lastName, saved.lastName()),
              changedContact(email, saved.email(), masked),
              changedContact(phone, saved.phone(), masked),
              null,
              changed(country, saved.country()),
              null),
          profileReason);
      profileReason = null;
      Messages.info("Profile saved.", "The change and your reason are in the audit log.");
      page.reload();
    } catch (RuntimeException e) {
      Messages.refused("Profile change", e);
    }
  }

  /** A masked contact field left as shown is not a change. */
  static String changedContact(String value, String current, boolean masked) {
    if (masked && value != null && value.contains("*")) {
      return null;
    }
    return changed(value, current);
  }

  /** The typed value if it differs from the saved one, else null (no change). */
  static String changed(String value, String current) {
    return value == null || value.equals(current) ? null : value;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getEmail() {
    return contact.email(email);
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return contact.phone(phone);
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public String getProfileReason() {
    return profileReason;
  }

  public void setProfileReason(String profileReason) {
    this.profileReason = profileReason;
  }
}
