package org.openmiles.cashmiles.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openmiles.cashmiles.api.PaymentStatus;
import org.openmiles.common.OpenMilesException;

/**
 * Property-based test of the payment state machine: many random sequences of operations (capture,
 * void, refund of some or all miles, time passing the hold's limit) are applied both to {@link
 * PaymentState} and to a deliberately simple model written from the rules in the issue; after every
 * step both must agree on the outcome (the new status and refunded miles, or the refusal code), and
 * the invariants must hold (refunded &le; captured &le; miles; final states never change).
 *
 * <p>Plain JUnit with a seeded {@link Random} rather than a property-testing library (see ADR 0009
 * for why). Every run uses a new seed and prints it; a failure names the seed and the sequence, and
 * {@code -Dcashmiles.seed=<seed>} replays exactly that run.
 */
class PaymentStateModelTest {
  private static final int SEQUENCES = 2_000;
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  /** The model: the rules as a table, nothing shared with the code under test. */
  private static final class Model {
    final long miles;
    String status = "AUTHORIZED";
    long refunded;
    boolean holdOver;

    Model(long miles) {
      this.miles = miles;
    }

    String status() {
      return status.equals("AUTHORIZED") && holdOver ? "EXPIRED" : status;
    }

    String capture() {
      return leaveAuthorized("CAPTURED");
    }

    String voidIt() {
      return leaveAuthorized("VOIDED");
    }

    /** Capture and void both leave AUTHORIZED, and are refused the same way elsewhere. */
    private String leaveAuthorized(String to) {
      switch (status()) {
        case "AUTHORIZED":
          status = to;
          return "OK";
        case "VOIDED":
          return "ALREADY_VOIDED";
        case "EXPIRED":
          return "HOLD_EXPIRED";
        default:
          return "ALREADY_CAPTURED";
      }
    }

    String refund(Long asked) {
      String s = status();
      if (!s.equals("CAPTURED") && !s.equals("PARTIALLY_REFUNDED") && !s.equals("REFUNDED")) {
        return "NOT_CAPTURED";
      }
      if (asked != null && asked <= 0) {
        return "VALIDATION_FAILED";
      }
      long left = miles - refunded;
      long m = asked == null ? left : asked;
      if (m == 0 || m > left) {
        return "REFUND_EXCEEDS_CAPTURE";
      }
      refunded += m;
      status = refunded == miles ? "REFUNDED" : "PARTIALLY_REFUNDED";
      return "OK";
    }
  }

  @Test
  void theStateMachineAgreesWithTheModelOnRandomSequences() {
    long seed = Long.getLong("cashmiles.seed", System.nanoTime());
    System.out.println(
        "PaymentStateModelTest seed " + seed + " (replay: -Dcashmiles.seed=" + seed + ")");
    Random random = new Random(seed);
    for (int run = 0; run < SEQUENCES; run++) {
      long miles = 500L * (1 + random.nextInt(40));
      Instant holdEnd = T0.plusSeconds(900);
      PaymentState state = PaymentState.authorized(miles, holdEnd);
      Model model = new Model(miles);
      Instant now = T0;
      List<String> steps = new ArrayList<>();
      int length = 1 + random.nextInt(8);
      for (int i = 0; i < length; i++) {
        int op = random.nextInt(5);
        String step;
        String expected;
        String actual;
        PaymentState before = state;
        Instant at = now;
        if (op == 0) {
          step = "capture";
          expected = model.capture();
          actual = attempt(() -> before.capture(at));
          state = actual.equals("OK") ? before.capture(now) : before;
        } else if (op == 1) {
          step = "void";
          expected = model.voidIt();
          actual = attempt(() -> before.voidHold(at));
          state = actual.equals("OK") ? before.voidHold(now) : before;
        } else if (op == 2 || op == 3) {
          Long asked = random.nextInt(3) == 0 ? null : (long) (random.nextInt((int) miles + 2) - 1);
          step = "refund " + (asked == null ? "all" : asked);
          expected = model.refund(asked);
          actual = attempt(() -> before.refund(asked, at));
          state = actual.equals("OK") ? before.refund(asked, now) : before;
        } else {
          long seconds = random.nextInt(3) * 450L; // 0, 450 or 900 s: sometimes past the hold
          now = now.plusSeconds(seconds);
          model.holdOver = !now.isBefore(holdEnd);
          step = "wait " + seconds + " s";
          expected = "OK";
          actual = "OK";
        }
        steps.add(step + " -> " + actual);
        String context = "seed " + seed + ", run " + run + ", miles " + miles + ": " + steps;
        assertThat(actual).as(context).isEqualTo(expected);
        assertThat(state.statusAt(now).name()).as(context).isEqualTo(model.status());
        assertThat(state.refundedMiles()).as(context).isEqualTo(model.refunded);
        assertThat(state.refundedMiles()).as(context).isLessThanOrEqualTo(state.capturedMiles());
        assertThat(state.capturedMiles()).as(context).isIn(0L, miles);
        if (before.statusAt(now) == PaymentStatus.VOIDED
            || before.statusAt(now) == PaymentStatus.REFUNDED
            || before.statusAt(now) == PaymentStatus.EXPIRED) {
          assertThat(state.statusAt(now))
              .as(context + ": a final state changed")
              .isEqualTo(before.statusAt(now));
        }
      }
    }
  }

  private static String attempt(Runnable r) {
    try {
      r.run();
      return "OK";
    } catch (OpenMilesException e) {
      return e.code();
    }
  }
}
