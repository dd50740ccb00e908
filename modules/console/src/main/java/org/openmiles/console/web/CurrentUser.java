package org.openmiles.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.EnumSet;
import org.openmiles.console.api.Actor;
import org.openmiles.console.api.ConsoleRole;
import org.openmiles.console.security.ConsoleCaller;

/** The logged-in console user of this request, for pages ({@code #{currentUser}}) and beans. */
@Named
@RequestScoped
public class CurrentUser {
  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  public boolean isLoggedIn() {
    return security.getCallerPrincipal() != null;
  }

  public String getUsername() {
    Principal p = security.getCallerPrincipal();
    return p == null ? "" : p.getName();
  }

  public String getDisplayName() {
    var session = request.getSession(false);
    if (session != null
        && session.getAttribute(ConsoleCaller.SESSION_ATTRIBUTE) instanceof ConsoleCaller c) {
      return c.displayName();
    }
    return getUsername();
  }

  public boolean isAgent() {
    return security.isCallerInRole(ConsoleRole.AGENT.name());
  }

  public boolean isSupervisor() {
    return security.isCallerInRole(ConsoleRole.SUPERVISOR.name());
  }

  public boolean isAdmin() {
    return security.isCallerInRole(ConsoleRole.ADMIN.name());
  }

  public boolean isProgramManager() {
    return security.isCallerInRole(ConsoleRole.PROGRAM_MANAGER.name());
  }

  public boolean isProgramApprover() {
    return security.isCallerInRole(ConsoleRole.PROGRAM_APPROVER.name());
  }

  public String getRoleLabel() {
    if (isAdmin()) {
      return "Admin";
    }
    if (isSupervisor()) {
      return "Supervisor";
    }
    if (isProgramManager()) {
      return "Program manager";
    }
    if (isProgramApprover()) {
      return "Program approver";
    }
    return isAgent() ? "Agent" : "";
  }

  /** The actor for the application services: the user and the roles the container granted. */
  public Actor actor() {
    EnumSet<ConsoleRole> roles = EnumSet.noneOf(ConsoleRole.class);
    for (ConsoleRole r : ConsoleRole.values()) {
      if (security.isCallerInRole(r.name())) {
        roles.add(r);
      }
    }
    return new Actor(getUsername(), roles);
  }
}
