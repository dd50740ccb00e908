package org.openmiles.it.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Console forms as a browser posts them, for tests that speak HTTP to the console. */
public final class ConsoleForms {
  private ConsoleForms() {}

  /**
   * The login form as the login page posts it: the fields, the page's view state and its CSP nonce
   * (PrimeFaces gives the page its nonce in a script, which adds it to each form it posts; a form
   * without it is sent to "open the page again", CspNonceCheck).
   */
  public static String loginForm(String page, String user, String password) {
    var nonce =
        java.util.regex.Pattern.compile("PrimeFaces\\.csp\\.init\\(['\"]([^'\"]+)['\"]\\)")
            .matcher(page);
    assertThat(nonce.find()).as("the login page's CSP nonce").isTrue();
    var utf8 = java.nio.charset.StandardCharsets.UTF_8;
    return "login=login&login%3Ausername="
        + java.net.URLEncoder.encode(user, utf8)
        + "&login%3Apassword="
        + java.net.URLEncoder.encode(password, utf8)
        + "&login%3Asubmit=&primefaces.nonce="
        + java.net.URLEncoder.encode(nonce.group(1), utf8)
        + "&jakarta.faces.ViewState="
        + java.net.URLEncoder.encode(viewState(page), utf8);
  }

  static String viewState(String page) {
    var m =
        java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
            .matcher(page);
    if (!m.find()) {
      throw new AssertionError("no ViewState on the login page");
    }
    return m.group(1);
  }
}
