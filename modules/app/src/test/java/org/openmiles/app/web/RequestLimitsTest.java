package org.openmiles.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLimitsTest {

  @Test
  void aQueryIsWellEncodedOnlyIfEveryPercentStartsTwoHexDigits() {
    assertThat(RequestLimits.wellEncoded("name=nguyen")).isTrue();
    assertThat(RequestLimits.wellEncoded("name=%41%c3%a9&x=%2B")).isTrue();
    assertThat(RequestLimits.wellEncoded("name=%zz")).isFalse();
    assertThat(RequestLimits.wellEncoded("name=%4")).isFalse();
    assertThat(RequestLimits.wellEncoded("name=%")).isFalse();
    assertThat(RequestLimits.wellEncoded("a=%41&b=%g1")).isFalse();
    assertThat(RequestLimits.wellEncoded("%%41")).isFalse();
  }

  @Test
  void onlyApiPathsGetProblemDocuments() {
    assertThat(EdgeAnswers.isApi("/api")).isTrue();
    assertThat(EdgeAnswers.isApi("/api/v1/members")).isTrue();
    assertThat(EdgeAnswers.isApi("/apis")).isFalse();
    assertThat(EdgeAnswers.isApi("/console/login.xhtml")).isFalse();
    assertThat(EdgeAnswers.isApi(null)).isFalse();
  }
}
