package org.openmiles.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final long IN_AN_HOUR = NOW.getEpochSecond() + 3600;

  @Test
  void aVerifiedTokenIsKnownUntilItsOwnExpiry() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(10, 7200);
    tokens.put("t1", "caller-1", IN_AN_HOUR, NOW);
    assertThat(tokens.get("t1", NOW.plusSeconds(3599))).isEqualTo("caller-1");
    assertThat(tokens.get("t1", NOW.plusSeconds(3600))).isNull();
    assertThat(tokens.size()).isZero();
    assertThat(tokens.get("other", NOW)).isNull();
  }

  @Test
  void aVerificationIsTrustedAtMostMaxAge() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(10, 300);
    tokens.put("t1", "caller-1", IN_AN_HOUR, NOW);
    assertThat(tokens.get("t1", NOW.plusSeconds(299))).isEqualTo("caller-1");
    assertThat(tokens.get("t1", NOW.plusSeconds(300))).isNull();
  }

  @Test
  void expiredTokensAndTokensWithoutExpiryAreNotKept() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(10, 300);
    tokens.put("old", "caller", NOW.getEpochSecond(), NOW);
    tokens.put("no-exp", "caller", 0, NOW);
    assertThat(tokens.size()).isZero();
  }

  @Test
  void theCacheStaysWithinItsCapacity() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(3, 300);
    tokens.put("short", "s", NOW.getEpochSecond() + 10, NOW);
    tokens.put("a", "a", IN_AN_HOUR, NOW);
    tokens.put("b", "b", IN_AN_HOUR, NOW);
    // full: the expired one makes room
    tokens.put("c", "c", IN_AN_HOUR, NOW.plusSeconds(20));
    assertThat(tokens.size()).isEqualTo(3);
    assertThat(tokens.get("a", NOW.plusSeconds(20))).isEqualTo("a");
    // full of live tokens: emptied, then the new one kept
    tokens.put("d", "d", IN_AN_HOUR, NOW.plusSeconds(20));
    assertThat(tokens.size()).isEqualTo(1);
    assertThat(tokens.get("d", NOW.plusSeconds(20))).isEqualTo("d");
  }

  @Test
  void capacityOrMaxAgeZeroKeepsNothing() {
    VerifiedTokens<String> none = new VerifiedTokens<>(0, 300);
    none.put("t", "x", IN_AN_HOUR, NOW);
    assertThat(none.get("t", NOW)).isNull();
    VerifiedTokens<String> noAge = new VerifiedTokens<>(10, 0);
    noAge.put("t", "x", IN_AN_HOUR, NOW);
    assertThat(noAge.get("t", NOW)).isNull();
  }
}
