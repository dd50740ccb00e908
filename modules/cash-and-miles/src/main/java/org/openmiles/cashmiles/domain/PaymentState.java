package org.openmiles.cashmiles.domain;

import java.time.Instant;
import java.util.Objects;
import org.openmiles.accounts.api.HoldExpiredException;
import org.openmiles.cashmiles.api.AlreadyCapturedException;
import org.openmiles.cashmiles.api.AlreadyVoidedException;
import org.openmiles.cashmiles.api.NotCapturedException;
import org.openmiles.cashmiles.api.PaymentStatus;
import org.openmiles.cashmiles.api.RefundExceedsCaptureException;
import org.openmiles.common.ValidationException;

/**
 * The payment state machine, without storage or ledger: what a capture, void or refund may do in
 * each state, as a new state or a refusal with its stable code. The ledger still has the last word
 * on a capture that races the hold's expiry (its hold row decides); this class only refuses what is
 * certain from the payment itself.
 *
 * <pre>
 * AUTHORIZED --capture--> CAPTURED --refund(part)--> PARTIALLY_REFUNDED --refund(rest)--> REFUNDED
 *     |--void--> VOIDED                 \--refund(all)-------------------------------> REFUNDED
 *     \--hold time limit--> EXPIRED
 * </pre>
 *
 * @param stored the status as stored; AUTHORIZED past {@code holdExpiresAt} reads as EXPIRED
 */
public record PaymentState(
    PaymentStatus stored,
    long miles,
    long capturedMiles,
    long refundedMiles,
    Instant holdExpiresAt) {

  public PaymentState {
    Objects.requireNonNull(stored, "stored status");
    Objects.requireNonNull(holdExpiresAt, "holdExpiresAt");
    if (miles <= 0 || capturedMiles < 0 || capturedMiles > miles) {
      throw new IllegalArgumentException("captured miles must be within the payment's miles");
    }
    if (refundedMiles < 0 || refundedMiles > capturedMiles) {
      throw new IllegalArgumentException("refunded miles must be within the captured miles");
    }
  }

  public static PaymentState authorized(long miles, Instant holdExpiresAt) {
    return new PaymentState(PaymentStatus.AUTHORIZED, miles, 0, 0, holdExpiresAt);
  }

  /** The status at {@code now}: an authorized payment whose hold ran out is EXPIRED. */
  public PaymentStatus statusAt(Instant now) {
    if (stored == PaymentStatus.AUTHORIZED && !now.isBefore(holdExpiresAt)) {
      return PaymentStatus.EXPIRED;
    }
    return stored;
  }

  public long refundableMiles() {
    return capturedMiles - refundedMiles;
  }

  /** Capture the whole hold (the ledger must agree). */
  public PaymentState capture(Instant now) {
    return switch (statusAt(now)) {
      case AUTHORIZED -> new PaymentState(PaymentStatus.CAPTURED, miles, miles, 0, holdExpiresAt);
      case CAPTURED, PARTIALLY_REFUNDED, REFUNDED ->
          throw new AlreadyCapturedException("the payment is already captured");
      case VOIDED -> throw new AlreadyVoidedException("the payment was voided; nothing to capture");
      case EXPIRED -> throw expired();
    };
  }

  /** Release the hold (the ledger must agree). */
  public PaymentState voidHold(Instant now) {
    return switch (statusAt(now)) {
      case AUTHORIZED -> new PaymentState(PaymentStatus.VOIDED, miles, 0, 0, holdExpiresAt);
      case CAPTURED, PARTIALLY_REFUNDED, REFUNDED ->
          throw new AlreadyCapturedException(
              "the payment is captured and cannot be voided; refund it instead");
      case VOIDED -> throw new AlreadyVoidedException("the payment is already voided");
      case EXPIRED -> throw expired();
    };
  }

  /** The hold reached its time limit (the ledger expired it). */
  public PaymentState expire() {
    if (stored != PaymentStatus.AUTHORIZED) {
      throw new IllegalStateException("only an authorized payment can expire, not " + stored);
    }
    return new PaymentState(PaymentStatus.EXPIRED, miles, 0, 0, holdExpiresAt);
  }

  /**
   * Refund {@code requested} miles, or all still refundable when it is null.
   *
   * @return the state after the refund; the refunded amount is the difference of {@link
   *     #refundedMiles()}
   */
  public PaymentState refund(Long requested, Instant now) {
    PaymentStatus status = statusAt(now);
    if (!status.isCaptured()) {
      throw new NotCapturedException(
          "the payment is " + status + "; only a captured payment can be refunded");
    }
    long miles = requested == null ? refundableMiles() : requested;
    if (requested != null && requested <= 0) {
      throw ValidationException.of("miles", "must be positive");
    }
    if (miles > refundableMiles() || miles == 0) {
      throw new RefundExceedsCaptureException(
          "the payment has "
              + refundableMiles()
              + " captured miles not refunded yet; cannot refund "
              + miles);
    }
    long refunded = refundedMiles + miles;
    PaymentStatus next =
        refunded == capturedMiles ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    return new PaymentState(next, this.miles, capturedMiles, refunded, holdExpiresAt);
  }

  private HoldExpiredException expired() {
    return new HoldExpiredException(
        "the payment's hold expired at "
            + holdExpiresAt
            + " before it was captured; its miles are available again");
  }
}
