package org.openmiles.console.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.ValidationException;
import org.openmiles.console.api.ActionNotAllowedException;
import org.openmiles.console.application.AuditTrail;

/**
 * Messages for the agent: a refusal says what was refused and what to do next; an unexpected fault
 * is logged with its stack trace and shown as "try again, then report the time". The console's own
 * refusals (codes {@code CONSOLE_...}, {@code ADJUSTMENT_...}) name the next step in their message;
 * the other modules' say which rule refused, and {@link #nextStep} adds what the agent can do.
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
      error(
          what + " not done: check the form",
          thenStep(b.toString(), "Correct the fields named and send the form again."));
    } else if (cause instanceof ActionNotAllowedException a) {
      // a refusal for the role is audited, like a page refused by URL (RefusedAccessAudit)
      CDI.current().select(AuditTrail.class).get().refused(a.username(), a.action(), what);
      error(what + " not done", a.getMessage());
    } else if (cause instanceof OpenMilesException o) {
      error(what + " not done", withNextStep(o));
    } else if (cause instanceof IllegalArgumentException i) {
      error(
          what + " not done: check the form",
          thenStep(i.getMessage(), "Correct it and send the form again."));
    } else {
      LOG.log(Level.SEVERE, what + " failed", e);
      error(
          what + " failed unexpectedly",
          "Nothing was changed. Try again; if it fails again, report the time to support.");
    }
  }

  /** What the agent can do next after a refusal by another module, by its code, else its kind. */
  private static final Map<String, String> NEXT_STEPS =
      Map.ofEntries(
          Map.entry(
              "INSUFFICIENT_MILES",
              "Tell the member how many miles are missing; price something cheaper, or wait for"
                  + " more miles."),
          Map.entry(
              "MEMBER_NOT_ACTIVE",
              "Check the member's status at the top of member 360: a suspended member can be"
                  + " reactivated (Status) with a reason."),
          Map.entry("MEMBER_NOT_FOUND", "Search for the member again by name, email or phone."),
          Map.entry(
              "INVALID_STATUS_CHANGE", "Choose another status, or ask a supervisor to do it."),
          Map.entry(
              "MERGE_REFUSED", "Deal with what blocks the merge, then compare the two again."),
          Map.entry(
              "CLAIM_WINDOW_EXPIRED",
              "Tell the member the claim is too late; a goodwill adjustment is the way left."),
          Map.entry(
              "NO_AWARD_ROUTE", "Check the two airports with the member, or price another route."),
          Map.entry("UNKNOWN_AIRPORT", "Check the airport codes (three letters) and price again."),
          Map.entry(
              "TIER_NOT_ELIGIBLE",
              "Tell the member which tier the award needs; book another kind of award instead."),
          Map.entry(
              "CLASS_NOT_UPGRADABLE",
              "Check the booking class on the member's ticket with the member; some classes"
                  + " cannot be upgraded."),
          Map.entry(
              "NOMINEE_LIMIT_REACHED",
              "The member can remove a nominee first; or book for someone else with the"
                  + " surcharge."),
          Map.entry(
              "NOT_A_NOMINEE",
              "Choose a nominee from the member's list, or book for someone else with the"
                  + " surcharge."),
          Map.entry(
              "NOT_A_FAMILY_CHILD",
              "Choose a family child from the member's list, or book for someone else with the"
                  + " surcharge."),
          Map.entry(
              "SCORING_RUN_IN_PROGRESS",
              "Wait for it to finish: reload the page to follow it under Latest scoring run."),
          Map.entry(
              "CAMPAIGN_RUN_IN_PROGRESS",
              "Wait for it to finish, then reload the page to see its audiences."),
          Map.entry(
              "SOURCE_REFERENCE_CONFLICT",
              "Reload the page: it was already done with other details, check them before doing"
                  + " it again."));

  private static final Map<ErrorKind, String> NEXT_STEP_BY_KIND =
      Map.of(
          ErrorKind.INVALID_INPUT, "Correct the form and send it again.",
          ErrorKind.NOT_FOUND, "Check the number or reference, reload the page and try again.",
          ErrorKind.CONFLICT,
              "Reload the page to see the current state: it may already be done, so check before"
                  + " trying again.",
          ErrorKind.BUSINESS_RULE,
              "Explain the rule to the member; ask a supervisor if you think it should not apply.");

  /** The refusal's message and what to do next, unless the message already says it. */
  static String withNextStep(OpenMilesException e) {
    return thenStep(e.getMessage(), nextStep(e));
  }

  /** {@code said}, ended as a sentence, then {@code step} (if any). */
  static String thenStep(String said, String step) {
    String s = said == null ? "" : said.strip();
    if (step.isEmpty()) {
      return s;
    }
    return s.isEmpty() || s.endsWith(".") ? (s + " " + step).strip() : s + ". " + step;
  }

  /** Empty for the console's own refusals, whose messages name the next step already. */
  static String nextStep(OpenMilesException e) {
    if (e.code().startsWith("CONSOLE_") || e.code().startsWith("ADJUSTMENT_")) {
      return "";
    }
    return NEXT_STEPS.getOrDefault(e.code(), NEXT_STEP_BY_KIND.get(e.kind()));
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
