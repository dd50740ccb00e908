package org.openmiles.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.common.ValidationException;

class RequestBodiesTest {

  @Test
  void aBodyIsReturnedAsItIs() {
    Object body = new Object();
    assertThat(RequestBodies.require(body)).isSameAs(body);
    assertThat(RequestBodies.require(body, "is required")).isSameAs(body);
  }

  @Test
  void noBodyIsAValidationFailureNamingBodyWithItsReason() {
    ValidationException plain =
        catchThrowableOfType(() -> RequestBodies.require(null), ValidationException.class);
    assertThat(plain.fieldErrors()).isEqualTo(Map.of("body", "a JSON request body is required"));
    ValidationException given =
        catchThrowableOfType(
            () -> RequestBodies.require(null, "is required"), ValidationException.class);
    assertThat(given.fieldErrors()).isEqualTo(Map.of("body", "is required"));
  }
}
