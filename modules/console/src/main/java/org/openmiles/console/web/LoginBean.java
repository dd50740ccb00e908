package org.openmiles.console.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openmiles.console.application.AuditTrail;
import org.openmiles.console.security.ConsoleLogins;
import org.openmiles.console.security.LoginOutcome;

/** The login form and logout. */
@Named
@RequestScoped
public class LoginBean {
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject AuditTrail audit;
  @Inject CurrentUser currentUser;

  @Inject ConsoleLogins logins;

  private String username;
  private String password;

  public String login() throws IOException {
    ExternalContext ec = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) ec.getRequest();
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) ec.getResponse(),
            withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(
                        username == null ? "" : username,
                        new Password(password == null ? "" : password))));
    password = null;
    if (status == AuthenticationStatus.SEND_CONTINUE) {
      faces.responseComplete();
      return null;
    }
    // a refused login comes back as SUCCESS without a caller (the mechanism did nothing, so that
    // the container sends no error page): the mechanism's outcome says what happened
    LoginOutcome outcome = (LoginOutcome) request.getAttribute(LoginOutcome.REQUEST_ATTRIBUTE);
    if (status == AuthenticationStatus.SUCCESS
        && outcome != null
        && outcome.kind() == LoginOutcome.Kind.OK) {
      ec.redirect(ec.getRequestContextPath() + "/console/index.xhtml");
      faces.responseComplete();
      return null;
    }
    // the same words for every user name, existing or not (ADR 0026)
    if (outcome != null && outcome.kind() == LoginOutcome.Kind.THROTTLED) {
      Messages.error(
          "Too many attempts, try again in " + outcome.waitSeconds() + " s.",
          "Nothing was checked. After "
              + logins.perAccount().freeFailures()
              + " failed logins for a user name, or many from one computer, each further try"
              + " waits longer, up to "
              + logins.perAccount().maxDelay().toMinutes()
              + " minutes. An admin can clear the failures.");
    } else if (outcome != null && !outcome.delay().isZero()) {
      Messages.error(
          "Wrong user name or password. Too many attempts, try again in "
              + outcome.waitSeconds()
              + " s.",
          "Check both, and wait before the next try: each further failure doubles the wait.");
    } else {
      Messages.error(
          "Wrong user name or password.",
          "Check both and try again. After "
              + logins.perAccount().freeFailures()
              + " failed attempts each further try must wait, longer after each failure.");
    }
    return null;
  }

  public void logout() throws IOException, ServletException {
    ExternalContext ec = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) ec.getRequest();
    String who = currentUser.getUsername();
    if (!who.isEmpty()) {
      audit.session(who, "LOGOUT", null);
    }
    request.logout();
    var session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    ec.redirect(ec.getRequestContextPath() + "/console/login.xhtml?loggedOut=true");
    faces.responseComplete();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
