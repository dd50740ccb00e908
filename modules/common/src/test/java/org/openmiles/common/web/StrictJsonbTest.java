package org.openmiles.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The strict binding through a real JSON-B implementation (Yasson, as Payara runs it). */
class StrictJsonbTest {
  public record Posting(
      String type, Long miles, Integer coupon, LocalDate activityDate, Boolean flag) {}

  private final Jsonb jsonb = new StrictJsonb().getContext(Posting.class);

  @Test
  void wholeNumbersDatesAndNullsAreRead() {
    Posting p =
        jsonb.fromJson(
            "{\"type\":\"CREDIT\",\"miles\":1500,\"coupon\":2,\"activityDate\":\"2026-01-15\",\"flag\":true}",
            Posting.class);
    assertThat(p).isEqualTo(new Posting("CREDIT", 1500L, 2, LocalDate.of(2026, 1, 15), true));
    assertThat(jsonb.fromJson("{\"miles\":null,\"activityDate\":null}", Posting.class))
        .isEqualTo(new Posting(null, null, null, null, null));
    assertThat(jsonb.fromJson("{\"miles\":-20}", Posting.class).miles()).isEqualTo(-20L);
  }

  @Test
  void aFractionOrAnOutOfRangeNumberIsRefused() {
    assertThatThrownBy(() -> jsonb.fromJson("{\"miles\":1.5}", Posting.class))
        .hasStackTraceContaining("1.5 is not a whole number");
    assertThatThrownBy(() -> jsonb.fromJson("{\"miles\":1e2}", Posting.class))
        .hasStackTraceContaining("is not a whole number");
    assertThatThrownBy(() -> jsonb.fromJson("{\"coupon\":3000000000}", Posting.class))
        .hasStackTraceContaining("out of range");
  }

  @Test
  void aDateOutsideTheRangeIsRefused() {
    assertThatThrownBy(
            () -> jsonb.fromJson("{\"activityDate\":\"+999999999-12-31\"}", Posting.class))
        .hasStackTraceContaining("must be between");
    assertThatThrownBy(() -> jsonb.fromJson("{\"activityDate\":\"0001-01-01\"}", Posting.class))
        .hasStackTraceContaining("must be between");
  }
}
