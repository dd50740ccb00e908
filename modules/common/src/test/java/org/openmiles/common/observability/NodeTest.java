package org.openmiles.common.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NodeTest {
  private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void thisNodeRestartedSinceTheWorkStartedIsGone() {
    assertThat(Node.isGone("app1", START.minusSeconds(60), "app1", "h", START, pid -> true))
        .isTrue();
    assertThat(Node.isGone("app1", START.plusSeconds(60), "app1", "h", START, pid -> true))
        .as("work this process started is its own")
        .isFalse();
  }

  @Test
  void aProcessOfThisHostThatNoLongerExistsIsGoneAndOneThatRunsIsNot() {
    assertThat(Node.isGone("h/41", START, "h/42", "h", START, pid -> pid != 41)).isTrue();
    assertThat(Node.isGone("h/43", START, "h/42", "h", START, pid -> pid != 41)).isFalse();
  }

  @Test
  void nodesOfOtherHostsOrNamedNodesAreNeverDeclaredGone() {
    assertThat(Node.isGone("other/41", START, "h/42", "h", START, pid -> false)).isFalse();
    assertThat(Node.isGone("app2", START.minusSeconds(60), "app1", "h", START, pid -> false))
        .isFalse();
    assertThat(Node.isGone("h/notapid", START, "h/42", "h", START, pid -> false)).isFalse();
    assertThat(Node.isGone(null, START, "h/42", "h", START, pid -> false)).isFalse();
  }
}
