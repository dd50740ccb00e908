package org.openmiles.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openmiles.common.Sha256;
import org.openmiles.common.ValidationException;
import org.openmiles.common.idempotency.IdempotencyStore.Answer;
import org.openmiles.common.idempotency.IdempotencyStore.Begin;

/** The stored-answer protocol over an in-memory store (the SQL is proven by CashMilesApiIT). */
class IdempotentCallsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

  /** Answers by scope and key, with the fingerprint they answered; {@code busy} keys are locked. */
  static final class MemoryStore implements IdempotencyStore {
    record Stored(String hash, Answer answer) {}

    final Map<String, Stored> rows = new HashMap<>();
    String busy = "";

    @Override
    public Begin claim(String scope, String key, Fingerprint request, Instant staleBefore) {
      if (busy.equals(key)) {
        return new Begin.InUse();
      }
      Stored s = rows.get(scope + "|" + key);
      return s == null ? new Begin.Started() : seen(s, request);
    }

    private static Begin seen(Stored s, Fingerprint request) {
      return s.hash().equals(request.hex()) ? new Begin.Replay(s.answer()) : new Begin.Reused();
    }

    @Override
    public boolean complete(
        String scope, String key, Fingerprint request, Answer answer, Instant now) {
      return rows.putIfAbsent(scope + "|" + key, new Stored(request.hex(), answer)) == null;
    }

    @Override
    public Begin refuse(String scope, String key, Fingerprint request, Answer answer, Instant now) {
      Stored s = rows.putIfAbsent(scope + "|" + key, new Stored(request.hex(), answer));
      return s == null ? new Begin.Replay(answer) : seen(s, request);
    }

    @Override
    public int purgeCreatedBefore(Instant before, int limit) {
      return 0;
    }
  }

  private final MemoryStore store = new MemoryStore();
  private final IdempotentCalls calls = new IdempotentCalls();
  private final AtomicInteger runs = new AtomicInteger();

  IdempotentCallsTest() {
    IdempotentWork work = new IdempotentWork();
    work.clock = CLOCK;
    calls.work = work;
    calls.clock = CLOCK;
  }

  private Answer call(String scope, String key, String request) {
    return calls.execute(
        store,
        scope,
        key,
        request,
        Duration.ofMinutes(1),
        () -> new Answer(201, "{\"run\":" + runs.incrementAndGet() + "}"),
        e -> new Answer(422, e.code()));
  }

  @Test
  void aRetryGetsTheFirstAnswerWithoutRunningAgain() {
    Answer first = call("client-a", "k1", "authorize|q|2000|PNR");
    assertThat(call("client-a", "k1", "authorize|q|2000|PNR")).isEqualTo(first);
    assertThat(runs).hasValue(1);
    // keys are per scope
    assertThat(call("client-b", "k1", "authorize|q|2000|PNR").body()).isEqualTo("{\"run\":2}");
  }

  @Test
  void theKeyWithAnotherRequestIsRefused() {
    call("client-a", "k1", "void|1");
    assertThatThrownBy(() -> call("client-a", "k1", "void|2"))
        .isInstanceOf(IdempotencyKeyReusedException.class)
        .hasMessageContaining("k1");
  }

  @Test
  void aBusinessRefusalIsStoredAsTheAnswer() {
    Answer refused =
        calls.execute(
            store,
            "client-a",
            "k2",
            "void|1",
            Duration.ofMinutes(1),
            () -> {
              throw new IdempotencyKeyInUseException("a refusal of the work itself");
            },
            e -> new Answer(422, e.code()));
    assertThat(refused).isEqualTo(new Answer(422, "IDEMPOTENCY_KEY_IN_USE"));
    assertThat(call("client-a", "k2", "void|1")).isEqualTo(refused);
    assertThat(runs).hasValue(0);
  }

  @Test
  void aKeyStillRunningIsInUseAndAMissingOrBadKeyIsRefused() {
    store.busy = "k3";
    assertThatThrownBy(() -> call("client-a", "k3", "void|1"))
        .isInstanceOf(IdempotencyKeyInUseException.class);
    assertThatThrownBy(() -> call("client-a", null, "void|1"))
        .isInstanceOf(IdempotencyKeyRequiredException.class);
    assertThatThrownBy(() -> call("client-a", "k\u00e9", "void|1"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> call("client-a", "k".repeat(121), "void|1"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void fingerprintsAndLockIdsAreThoseOfBefore() {
    assertThat(Fingerprint.of("void|42").hex()).isEqualTo(Sha256.hex("void|42"));
    assertThat(JdbcIdempotencyStore.lockId("cashmiles-idempotency", "client-a", "k1"))
        .isEqualTo(ByteBuffer.wrap(Sha256.of("cashmiles-idempotency\nclient-a\nk1")).getLong());
  }

  @Test
  void aFingerprintReplaysTheEarlierAnswerOrRefusesAnotherRequest() {
    Fingerprint f = Fingerprint.of("enroll|ada");
    assertThat(f.replay("member 1", f.hex(), () -> "unused")).isEqualTo("member 1");
    assertThatThrownBy(() -> f.replay("member 1", Sha256.hex("enroll|bob"), () -> "another"))
        .isInstanceOf(IdempotencyKeyReusedException.class)
        .hasMessage("another");
    IdempotencyKeys.requireValidIfPresent(null);
    assertThatThrownBy(() -> IdempotencyKeys.requireValidIfPresent(" "))
        .isInstanceOf(ValidationException.class);
  }
}
