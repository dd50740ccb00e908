package org.openmiles.cashmiles.api;

import java.util.List;

/**
 * Cash &amp; Miles for booking engines: quote a fare as miles + cash, hold the miles (authorize),
 * capture them at ticketing, void the hold, refund. Every miles movement is a ledger operation
 * ({@code MilesLedger}): the payment's hold is a ledger hold, a redeposit a ledger entry. Each
 * method is one transaction; a refusal is an exception with a stable code and changes nothing.
 *
 * <p>Every method is scoped to a client: another client's quote or payment is not found.
 * Idempotency of retried requests is the caller's adapter's concern (the REST adapter keeps
 * Idempotency-Keys); the ledger's source references make a repeated hold or redeposit a no-op.
 */
public interface CashMilesPayments {

  QuoteView quote(RequestQuote request);

  /**
   * The splits {@code request} could be paid with now, priced as {@link #quote} prices them but
   * nothing kept (a what-if): no quote token, no expiry; the member's available miles as they
   * stand.
   */
  QuoteView splits(RequestQuote request);

  PaymentView authorize(AuthorizePayment command);

  /** Debit the held miles (in full); the ticket numbers are kept for reference. */
  PaymentView capture(ClientId client, long paymentId, List<String> ticketNumbers);

  /** Release the hold; the miles are available again. */
  PaymentView voidPayment(ClientId client, long paymentId);

  /**
   * Refund {@code miles} of a captured payment (all not refunded yet when {@code miles} is null),
   * redepositing them if the program says so for the reason.
   */
  RefundView refund(ClientId client, long paymentId, Long miles, RefundReason reason);

  PaymentView payment(ClientId client, long paymentId);

  List<PaymentView> payments(PaymentQuery query);

  /**
   * A member's most recent payments of every client, newest first (at most {@code limit}, 1-200).
   * Read-only and not client-scoped: for the call-center console, never for a booking engine.
   */
  List<PaymentView> paymentsOfMember(org.openmiles.accounts.api.MemberNumber member, int limit);
}
