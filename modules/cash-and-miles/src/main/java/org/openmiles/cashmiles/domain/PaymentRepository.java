package org.openmiles.cashmiles.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.api.PaymentStatus;
import org.openmiles.cashmiles.api.RefundReason;

/**
 * Quotes, payments and refunds of the cashmiles schema, and the program rules they are priced by.
 * Every read of a quote or payment is scoped to its client.
 */
public interface PaymentRepository {

  /** The rule and the currency's mile value in force on a day (empty where none is). */
  record Pricing(Optional<CashMilesRule> rule, Optional<java.math.BigDecimal> valuePerMile) {}

  /** {@link Pricing} in one read. */
  Pricing pricingOn(String currency, LocalDate day);

  void insertQuote(Quote quote);

  /** A client's quote, and the id of the payment about to be made on it. */
  record QuoteForPayment(Quote quote, long paymentId) {}

  /**
   * The client's quote with a new payment id drawn in the same statement (a quote that is not found
   * draws none; a payment refused afterwards leaves a gap in the ids).
   */
  Optional<QuoteForPayment> quoteForPayment(ClientId client, String token);

  void insertPayment(StoredPayment payment);

  /** The payment, row-locked until the transaction ends. */
  Optional<StoredPayment> lock(ClientId client, long id);

  Optional<StoredPayment> find(ClientId client, long id);

  /** Stores a new state (and the capture or void time and ticket numbers, when given). */
  void update(long id, PaymentState state, List<String> ticketNumbers, Instant at);

  /**
   * A client's payments after {@code after} in id order, filtered by the status as of {@code now}.
   */
  List<StoredPayment> list(
      ClientId client, Optional<PaymentStatus> status, long after, int limit, Instant now);

  /** A member's payments of every client, newest first. */
  List<StoredPayment> ofMember(String memberNumber, int limit);

  long nextRefundId();

  void insertRefund(
      long id,
      long paymentId,
      long miles,
      RefundReason reason,
      long milesRedeposited,
      String ledgerReference,
      Instant at);

  /**
   * Deletes at most {@code limit} quotes that expired before {@code before} and that no payment
   * uses, in a transaction of its own; returns how many.
   */
  int purgeUnusedQuotesExpiredBefore(Instant before, int limit);
}
