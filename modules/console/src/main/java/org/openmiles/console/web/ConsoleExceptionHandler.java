package org.openmiles.console.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what escapes a console page into a page that says what to do next, instead of the
 * container's raw 500. Faces wraps a refused protected view or an unknown view state in a {@link
 * FacesException}, which the {@code error-page} mapping by exception type does not match, so the
 * cause chain is searched here:
 *
 * <ul>
 *   <li>a {@link ProtectedViewException} (a decision page opened by a typed, bookmarked or foreign
 *       link): {@code expired.xhtml?reason=link}, "open it from the console's menu";
 *   <li>a {@link ViewExpiredException} (the page's state is gone: session ended, too many tabs):
 *       {@code expired.xhtml?reason=expired}, "nothing was changed, open the page again";
 *   <li>anything else: logged once with a short incident id, and {@code error.xhtml?id=...} shows
 *       that id for support.
 * </ul>
 *
 * When the response is already committed nothing can be redirected, and the default handling stays.
 */
public class ConsoleExceptionHandler extends ExceptionHandlerWrapper {
  private static final Logger LOG = Logger.getLogger(ConsoleExceptionHandler.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String ERROR_VIEW = "/console/error.xhtml";
  static final String EXPIRED_VIEW = "/console/expired.xhtml";

  /** "The page's state is gone; nothing was changed, open the page again." */
  static final String PAGE_EXPIRED = EXPIRED_VIEW + "?reason=expired";

  public ConsoleExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (faces != null && events.hasNext()) {
      ExternalContext ec = faces.getExternalContext();
      if (ec.isResponseCommitted() || faces.getResponseComplete()) {
        break;
      }
      Throwable thrown = events.next().getContext().getException();
      String target = targetOf(faces, thrown);
      if (target == null) {
        break;
      }
      events.remove();
      try {
        ec.redirect(ec.getRequestContextPath() + target);
        faces.responseComplete();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cannot redirect to " + target, e);
      }
    }
    getWrapped().handle();
  }

  /** Where to send the user for {@code thrown}; null to leave it to the default handling. */
  private static String targetOf(FacesContext faces, Throwable thrown) {
    if (find(thrown, ProtectedViewException.class)) {
      return EXPIRED_VIEW + "?reason=link";
    }
    if (find(thrown, ViewExpiredException.class)) {
      return PAGE_EXPIRED;
    }
    String view = faces.getViewRoot() == null ? "" : faces.getViewRoot().getViewId();
    if (ERROR_VIEW.equals(view)) {
      return null; // the error page itself failed: no loop
    }
    String id = incidentId();
    String user = faces.getExternalContext().getRemoteUser();
    LOG.log(
        Level.SEVERE,
        "console incident " + id + " on " + view + " for " + (user == null ? "(no user)" : user),
        thrown);
    return ERROR_VIEW + "?id=" + id;
  }

  static boolean find(Throwable thrown, Class<? extends Throwable> type) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** A short id for support to find the log record: 10 characters of [0-9A-Z]. */
  static String incidentId() {
    String s = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).toUpperCase(Locale.ROOT);
    return ("0000000000" + s).substring(s.length());
  }
}
