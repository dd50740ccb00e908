package org.openmiles.console.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * A form posted without the CSP nonce of the page it claims to come from (not sent by the console's
 * own page, or by a page of another session) goes to the "open the page again" page, right after
 * its view is restored and before any of its values is applied: nothing is changed.
 *
 * <p>PrimeFaces checks the nonce itself only when the answer is rendered, and throws there ({@code
 * CspException: CSP nonce mismatch}) after the render has begun, which ended as a 500.
 */
public class CspNonceCheck implements PhaseListener {
  /** PrimeFaces' request parameter and view-map key for the page's nonce. */
  static final String NONCE = "primefaces.nonce";

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    if (faces.getViewRoot() == null
        || !(faces.isPostback() || faces.getPartialViewContext().isAjaxRequest())) {
      return;
    }
    Map<String, Object> view = faces.getViewRoot().getViewMap(false);
    Object expected = view == null ? null : view.get(NONCE);
    if (expected == null) {
      return; // a view without a nonce: nothing to compare
    }
    ExternalContext ec = faces.getExternalContext();
    String sent = ec.getRequestParameterMap().get(NONCE);
    if (matches(expected.toString(), sent)) {
      return;
    }
    try {
      ec.redirect(ec.getRequestContextPath() + ConsoleExceptionHandler.PAGE_EXPIRED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  /** Whether the nonce a form sent is its page's. */
  static boolean matches(String expected, String sent) {
    return Objects.equals(expected, Objects.toString(sent, ""));
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    // nothing before the view is restored
  }
}
