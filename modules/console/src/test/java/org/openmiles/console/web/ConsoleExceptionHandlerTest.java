package org.openmiles.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleExceptionHandlerTest {
  @Test
  void aProtectedViewWrappedByFacesIsFoundInTheCauseChain() {
    // what Mojarra throws for a typed URL to a protected view
    Throwable thrown = new FacesException(new ProtectedViewException("no token"));
    assertThat(ConsoleExceptionHandler.find(thrown, ProtectedViewException.class)).isTrue();
    assertThat(ConsoleExceptionHandler.find(thrown, ViewExpiredException.class)).isFalse();
  }

  @Test
  void anExpiredViewDeepInTheChainIsFound() {
    Throwable thrown =
        new FacesException(
            new IllegalStateException(new ViewExpiredException("gone", "/console/index.xhtml")));
    assertThat(ConsoleExceptionHandler.find(thrown, ViewExpiredException.class)).isTrue();
  }

  @Test
  void anUnexpectedFaultIsNeitherProtectedNorExpired() {
    Throwable thrown = new FacesException(new NullPointerException());
    assertThat(ConsoleExceptionHandler.find(thrown, ProtectedViewException.class)).isFalse();
    assertThat(ConsoleExceptionHandler.find(thrown, ViewExpiredException.class)).isFalse();
  }

  @Test
  void incidentIdsAreShortUpperCaseAndDistinct() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String id = ConsoleExceptionHandler.incidentId();
      assertThat(id).matches("[0-9A-Z]{10}");
      ids.add(id);
    }
    assertThat(ids).hasSize(1_000);
  }
}
