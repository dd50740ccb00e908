package org.openmiles.common.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class CorrelationTest {

  @Test
  void scopesNestAndPutBackTheIdBefore() {
    assertThat(Correlation.current()).isEmpty();
    try (Correlation.Scope outer = Correlation.open("job-a")) {
      try (Correlation.Scope inner = Correlation.open("req-b")) {
        assertThat(Correlation.currentOrNull()).isEqualTo("req-b");
      }
      assertThat(Correlation.currentOrNull()).isEqualTo("job-a");
    }
    assertThat(Correlation.current()).isEmpty();
  }

  @Test
  void keepsWellFormedCallerIdsAndReplacesOthers() {
    assertThat(Correlation.acceptOrNew("b2c-4711.checkout:7/a_b", "req"))
        .isEqualTo("b2c-4711.checkout:7/a_b");
    assertThat(Correlation.acceptOrNew("x".repeat(64), "req")).isEqualTo("x".repeat(64));
    for (String bad :
        new String[] {null, "", "x".repeat(65), "-leading", "two words", "a\"b", "a\nb", "é"}) {
      assertThat(Correlation.acceptOrNew(bad, "req"))
          .as(String.valueOf(bad))
          .matches("req-[0-9a-f]{20}");
    }
  }

  @Test
  void newIdsDiffer() {
    assertThat(Correlation.newId("file"))
        .startsWith("file-")
        .hasSize(25)
        .isNotEqualTo(Correlation.newId("file"));
  }

  @Test
  void carriesTheIdToAnotherThread() throws Exception {
    var pool = Executors.newSingleThreadExecutor();
    try (Correlation.Scope s = Correlation.open("file-1")) {
      assertThat(pool.submit(Correlation.carriedTo(Correlation::currentOrNull)).get())
          .isEqualTo("file-1");
    }
    assertThat(pool.submit(Correlation::currentOrNull).get()).isNull();
    pool.shutdown();
  }
}
