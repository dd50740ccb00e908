package org.openmiles.cashmiles.api;

import java.time.Instant;
import java.util.List;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.Money;

/**
 * A payment as its client sees it. {@code status} is the status now: an authorized payment whose
 * hold passed {@code holdExpiresAt} is EXPIRED. {@code totalCash} is what the booking engine still
 * collects (the base fare not paid by miles, plus taxes and fees).
 *
 * <p>Flat on purpose: it mirrors a JSON body of the REST API (docs/api.md) one to one, each
 * component a field of the response ({@code CashMilesJson} writes them in order).
 */
public record PaymentView(
    long paymentId,
    PaymentStatus status,
    MemberNumber member,
    String quoteToken,
    long miles,
    Money milesValue,
    Money cashForFare,
    Money taxesAndFees,
    Money totalCash,
    String bookingReference,
    List<String> ticketNumbers,
    long capturedMiles,
    long refundedMiles,
    String holdReference,
    Instant holdExpiresAt,
    Instant createdAt,
    Instant updatedAt,
    Instant capturedAt,
    Instant voidedAt) {

  public PaymentView {
    ticketNumbers = List.copyOf(ticketNumbers);
  }
}
