package org.openmiles.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/%2e%2e/console/users.xhtml",
        "/api/%2E%2E/console/users.xhtml",
        "/api/../console/users.xhtml",
        "/api/./../console/users.xhtml",
        "/api/v1/..%2f..%2fconsole/users.xhtml",
        "/api/v1/%2fconsole",
        "/api/v1/..%5cconsole",
        "/api/v1/..\\console",
        "/api/v1/members;x=1",
        "/api/%252e%252e/console",
        "/console/..",
        "/."
      })
  void dotSegmentsAndEncodedSeparatorsAreRefused(String uri) {
    assertThat(RequestPaths.hasDotSegmentOrEncodedSeparator(uri)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/members/1234567890/statement",
        "/console/member.xhtml",
        "/jakarta.faces.resource/theme.css.xhtml?ln=primefaces-saga&v=14.0.12",
        "/api/v1/members?name=..%2f",
        "/api/v1/awards/AW-1.2",
        "/"
      })
  void ordinaryPathsPass(String uri) {
    assertThat(RequestPaths.hasDotSegmentOrEncodedSeparator(uri)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/console/users.xhtml", "/apix", "/health", "", "/console/api"})
  void onlyTheServletPathApiIsTheApi(String servletPath) {
    assertThat(RequestPaths.isApi(servletPath)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void theRestApplicationsServletPathIsTheApi() {
    assertThat(RequestPaths.isApi("/api")).isTrue();
    assertThat(RequestPaths.isApi(null)).isFalse();
  }
}
