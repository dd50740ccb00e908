/*
 * OpenMiles console behaviour shared by every page (loaded by layout.xhtml; no inline script, so the
 * pages can run under a Content-Security-Policy without 'unsafe-inline').
 *
 * Escape closes any open calendar, wherever the focus is and even while it is still opening: a
 * PrimeFaces date picker only listens for Escape on its own field and panel, ignores it during its
 * show animation, and an open calendar must never be left covering the form's buttons.
 */
(function () {
  "use strict";
  // A calendar still opening (its show animation running) ignores hideOverlay(): PrimeFaces binds
  // the listener that hideOverlay() needs only once the panel is fully shown. Escape pressed in that
  // moment would leave it open, so the close is tried again until it took effect (at most 2 s).
  function close(picker, triesLeft) {
    if (!picker.isPanelVisible()) {
      return;
    }
    picker.hideOverlay();
    if (triesLeft > 0) {
      window.setTimeout(function () { close(picker, triesLeft - 1); }, 50);
    }
  }
  function closeCalendars() {
    if (!window.PrimeFaces || !PrimeFaces.widgets || !PrimeFaces.widget.DatePicker) {
      return;
    }
    Object.keys(PrimeFaces.widgets).forEach(function (name) {
      var w = PrimeFaces.widgets[name];
      // the widget wraps the jQuery date picker that owns the calendar panel
      var picker = w instanceof PrimeFaces.widget.DatePicker && w.jq && w.jq.data()
        ? w.jq.data().primeDatePicker : null;
      if (picker && typeof picker.isPanelVisible === "function") {
        close(picker, 40);
      }
    });
  }
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" || e.key === "Esc") {
      closeCalendars();
    }
  }, true);
})();
