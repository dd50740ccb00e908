package org.openmiles.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
  private static Optional<StrictJson.Refusal> body(String json) {
    return StrictJson.body(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aKeyTwiceInOneObjectIsRefused() {
    assertThat(body("{\"miles\":1,\"miles\":100000000}"))
        .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("DUPLICATE_JSON_KEY"));
    assertThat(body("{\"a\":{\"x\":1,\"y\":{\"x\":2,\"x\":3}}}")).isPresent();
  }

  @Test
  void theSameKeyInDifferentObjectsIsFine() {
    assertThat(body("{\"postings\":[{\"miles\":1},{\"miles\":2}],\"x\":{\"miles\":3}}")).isEmpty();
  }

  @Test
  void controlCharactersInStringsOrKeysAreRefusedButTabsAndNewlinesPass() {
    assertThat(body("{\"description\":\"a\\u0000b\"}"))
        .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("CONTROL_CHARACTER"));
    assertThat(body("{\"a\\u0007\":1}")).isPresent();
    assertThat(body("{\"d\":\"x\\u007f\"}")).isPresent();
    assertThat(body("{\"note\":\"line one\\nline two\\tend\"}")).isEmpty();
  }

  @Test
  void malformedJsonIsLeftToTheOperation() {
    assertThat(body("{")).isEmpty();
    assertThat(body("not json")).isEmpty();
  }
}
