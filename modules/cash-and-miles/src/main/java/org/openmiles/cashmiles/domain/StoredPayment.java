package org.openmiles.cashmiles.domain;

import java.time.Instant;
import java.util.List;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.api.PaymentStatus;
import org.openmiles.cashmiles.api.PaymentView;
import org.openmiles.common.Money;

/**
 * A payment row with its quote's refund rules (needed to refund it). Its state machine is {@link
 * #state()}.
 */
public record StoredPayment(
    long id,
    ClientId client,
    String quoteToken,
    MemberNumber member,
    QuoteCalculator.Split split,
    Money taxesAndFees,
    PaymentState state,
    String holdReference,
    String bookingReference,
    List<String> ticketNumbers,
    boolean voluntaryRefundRedeposit,
    boolean involuntaryRefundRedeposit,
    Instant createdAt,
    Instant updatedAt,
    Instant capturedAt,
    Instant voidedAt) {

  public StoredPayment {
    ticketNumbers = List.copyOf(ticketNumbers);
  }

  /**
   * This payment after {@link PaymentRepository#update} stored {@code next} at {@code at}: what a
   * read after the update would give, without the read.
   */
  public StoredPayment updated(PaymentState next, List<String> tickets, Instant at) {
    return new StoredPayment(
        id,
        client,
        quoteToken,
        member,
        split,
        taxesAndFees,
        next,
        holdReference,
        bookingReference,
        tickets == null || tickets.isEmpty() ? ticketNumbers : tickets,
        voluntaryRefundRedeposit,
        involuntaryRefundRedeposit,
        createdAt,
        at,
        next.stored() == PaymentStatus.CAPTURED ? at : capturedAt,
        next.stored() == PaymentStatus.VOIDED ? at : voidedAt);
  }

  public PaymentView viewAt(Instant now) {
    return new PaymentView(
        id,
        state.statusAt(now),
        member,
        quoteToken,
        state.miles(),
        split.milesValue(),
        split.cashForFare(),
        taxesAndFees,
        split.totalCash(),
        bookingReference,
        ticketNumbers,
        state.capturedMiles(),
        state.refundedMiles(),
        holdReference,
        state.holdExpiresAt(),
        createdAt,
        updatedAt,
        capturedAt,
        voidedAt);
  }
}
