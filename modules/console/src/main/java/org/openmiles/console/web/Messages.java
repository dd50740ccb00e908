package org.openmiles.console.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.ValidationException;
import org.openmiles.console.api.ActionNotAllowedException;
import org.openmiles.console.application.AuditTrail;

/**
 * Messages for the agent: a refusal says what was refused and what to do next; an unexpected fault
 * is logged with its stack trace and shown as "try again, then report the time".
 */
final class Messages {
  private static final Logger LOG = Logger.getLogger(Messages.class.getName());

  private Messages() {}

  static void info(String summary, String detail) {
    add(FacesMessage.SEVERITY_INFO, summary, detail);
  }

  static void warn(String summary, String detail) {
    add(FacesMessage.SEVERITY_WARN, summary, detail);
  }

  static void error(String summary, String detail) {
    add(FacesMessage.SEVERITY_ERROR, summary, detail);
  }

  /** Turns a refusal or fault into a message; {@code what} names the action ("Adjustment"). */
  static void refused(String what, RuntimeException e) {
    Throwable cause = unwrap(e);
    if (cause instanceof ValidationException v) {
      StringBuilder b = new StringBuilder();
      for (Map.Entry<String, String> f : v.fieldErrors().entrySet()) {
        b.append(b.isEmpty() ? "" : "; ").append(f.getKey()).append(": ").append(f.getValue());
      }
      error(what + " not done: check the form", b.toString());
    } else if (cause instanceof ActionNotAllowedException a) {
      // a refusal for the role is audited, like a page refused by URL (RefusedAccessAudit)
      CDI.current().select(AuditTrail.class).get().refused(a.username(), a.action(), what);
      error(what + " not done", a.getMessage());
    } else if (cause instanceof OpenMilesException o) {
      error(what + " not done", o.getMessage());
    } else if (cause instanceof IllegalArgumentException i) {
      error(what + " not done: check the form", i.getMessage());
    } else {
      LOG.log(Level.SEVERE, what + " failed", e);
      error(
          what + " failed unexpectedly",
          "Nothing was changed. Try again; if it fails again, report the time to support.");
    }
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (!(t instanceof OpenMilesException)
        && !(t instanceof IllegalArgumentException)
        && t.getCause() != null
        && t.getCause() != t) {
      t = t.getCause();
    }
    return t instanceof OpenMilesException || t instanceof IllegalArgumentException ? t : e;
  }

  private static void add(FacesMessage.Severity severity, String summary, String detail) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
  }
}
