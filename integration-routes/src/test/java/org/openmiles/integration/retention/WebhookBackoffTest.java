package org.openmiles.integration.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookBackoffTest {

  @Test
  void doublesFromTheBaseUpToTheCapForABoundedNumberOfAttempts() {
    WebhookBackoff b = new WebhookBackoff(4, Duration.ofMillis(500), Duration.ofMillis(1500));
    assertThat(b.after(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(b.after(2)).isEqualTo(Duration.ofMillis(1000));
    assertThat(b.after(3)).isEqualTo(Duration.ofMillis(1500));
    assertThat(b.after(40)).isEqualTo(Duration.ofMillis(1500));
    assertThat(b.again(1)).isTrue();
    assertThat(b.again(3)).isTrue();
    assertThat(b.again(4)).isFalse();
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new WebhookBackoff(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookBackoff(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookBackoff(2, Duration.ZERO, Duration.ZERO).after(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
