package org.openmiles.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openmiles.common.ValidationException;

class StatementCursorTest {
  @Test
  void aCursorRoundTripsAndAnythingElseIsRefused() {
    assertThat(StatementCursor.decode(StatementCursor.encode(123_456_789L)))
        .isEqualTo(123_456_789L);
    assertThat(StatementCursor.decode(null)).isNull();
    assertThat(StatementCursor.decode("")).isNull();
    assertThatThrownBy(() -> StatementCursor.decode("123")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> StatementCursor.decode("!!!")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                StatementCursor.decode(
                    java.util.Base64.getUrlEncoder().encodeToString("e:x".getBytes())))
        .isInstanceOf(ValidationException.class);
  }
}
