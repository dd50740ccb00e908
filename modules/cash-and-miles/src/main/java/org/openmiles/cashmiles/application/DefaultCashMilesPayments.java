package org.openmiles.cashmiles.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.openmiles.accounts.api.CaptureHold;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.HoldAlreadyResolvedException;
import org.openmiles.accounts.api.HoldExpiredException;
import org.openmiles.accounts.api.HoldView;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PlaceHold;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.cashmiles.api.AuthorizePayment;
import org.openmiles.cashmiles.api.CashMilesPayments;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.api.CurrencyNotSupportedException;
import org.openmiles.cashmiles.api.PaymentNotFoundException;
import org.openmiles.cashmiles.api.PaymentQuery;
import org.openmiles.cashmiles.api.PaymentView;
import org.openmiles.cashmiles.api.QuoteExpiredException;
import org.openmiles.cashmiles.api.QuoteNotFoundException;
import org.openmiles.cashmiles.api.QuoteView;
import org.openmiles.cashmiles.api.RefundReason;
import org.openmiles.cashmiles.api.RefundView;
import org.openmiles.cashmiles.api.RequestQuote;
import org.openmiles.cashmiles.api.SplitNotAllowedException;
import org.openmiles.cashmiles.api.events.CashMilesAuthorized;
import org.openmiles.cashmiles.api.events.CashMilesCaptured;
import org.openmiles.cashmiles.api.events.CashMilesRefunded;
import org.openmiles.cashmiles.api.events.CashMilesVoided;
import org.openmiles.cashmiles.domain.CashMilesRule;
import org.openmiles.cashmiles.domain.PaidBooking;
import org.openmiles.cashmiles.domain.PaymentPricing;
import org.openmiles.cashmiles.domain.PaymentRepository;
import org.openmiles.cashmiles.domain.PaymentState;
import org.openmiles.cashmiles.domain.PaymentTimes;
import org.openmiles.cashmiles.domain.Quote;
import org.openmiles.cashmiles.domain.QuoteCalculator;
import org.openmiles.cashmiles.domain.QuoteTerms;
import org.openmiles.cashmiles.domain.StoredPayment;
import org.openmiles.common.Validator;
import org.openmiles.common.time.AirlineZone;

/**
 * Cash &amp; Miles payments. Each public method is one transaction (joined by the Idempotency-Key
 * protocol's transaction when called through the REST adapter). The payment row is locked before
 * the ledger is asked, so two calls on one payment run one after the other; the ledger locks the
 * member's account, so authorizations for one member never overspend; the ledger's hold row decides
 * a capture racing the hold's expiry.
 */
@ApplicationScoped
@Transactional
public class DefaultCashMilesPayments implements CashMilesPayments {
  /** Example splits listed between the minimum and the maximum of a quote. */
  private static final int EXAMPLES_BETWEEN = 3;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject MilesLedger ledger;
  @Inject PaymentRepository repository;
  @Inject Clock clock;
  @Inject AirlineZone airline;
  @Inject Event<CashMilesAuthorized> authorized;
  @Inject Event<CashMilesCaptured> captured;
  @Inject Event<CashMilesVoided> voided;
  @Inject Event<CashMilesRefunded> refunded;

  @Override
  public QuoteView quote(RequestQuote request) {
    return priced(request, true);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public QuoteView splits(RequestQuote request) {
    return priced(request, false);
  }

  /** The quote of {@code request}, kept (with its token and expiry) only if {@code keep}. */
  private QuoteView priced(RequestQuote request, boolean keep) {
    QuoteCalculator.Fare fare =
        Validator.valid(
            "fare",
            () ->
                new QuoteCalculator.Fare(
                    request.baseFare(),
                    request.taxesAndFees(),
                    request.passengers(),
                    request.segments()));
    // the member's status and available miles in one read (MEMBER_NOT_FOUND, MEMBER_NOT_ACTIVE)
    long available = ledger.spendable(request.member());
    Instant now = clock.instant();
    // the rules in force today in the airline's zone, where program changes date their versions
    LocalDate today = airline.today();
    String currency = fare.baseFare().currency().getCurrencyCode();
    PaymentRepository.Pricing pricing = repository.pricingOn(currency, today);
    CashMilesRule rule =
        pricing
            .rule()
            .orElseThrow(
                () -> new IllegalStateException("no Cash & Miles rule in force on " + today));
    var valuePerMile =
        pricing
            .valuePerMile()
            .orElseThrow(
                () ->
                    new CurrencyNotSupportedException(
                        "fares in " + currency + " cannot be paid with miles"));
    QuoteCalculator.Range range = QuoteCalculator.range(fare, rule, valuePerMile);
    if (range.isEmpty()) {
      throw new SplitNotAllowedException(
          SplitNotAllowedException.FARE_TOO_LOW,
          "miles may pay at most "
              + rule.maxFareSharePct().stripTrailingZeros().toPlainString()
              + " % of a base fare of "
              + fare.baseFare().amount().toPlainString()
              + " "
              + currency
              + ", which is "
              + range.maximum()
              + " miles: fewer than the minimum of "
              + range.minimum()
              + " miles for "
              + fare.passengers()
              + " passenger(s) x "
              + fare.segments()
              + " segment(s); this fare can only be paid in cash");
    }
    Quote quote =
        new Quote(
            newToken(),
            request.client(),
            request.member(),
            fare,
            new QuoteTerms(valuePerMile, range, rule.holdTtlSeconds(), rule.refunds()),
            now,
            now.plusSeconds(rule.quoteTtlSeconds()));
    if (keep) {
      repository.insertQuote(quote);
    }
    var options =
        QuoteCalculator.examples(fare, range.cappedAt(available), valuePerMile, EXAMPLES_BETWEEN)
            .stream()
            .map(
                s ->
                    new QuoteView.Option(s.miles(), s.milesValue(), s.cashForFare(), s.totalCash()))
            .toList();
    return new QuoteView(
        keep ? quote.token() : null,
        quote.member(),
        keep ? quote.expiresAt() : null,
        fare.baseFare(),
        fare.taxesAndFees(),
        fare.passengers(),
        fare.segments(),
        valuePerMile,
        available,
        range.minimum(),
        range.maximum(),
        range.step(),
        options);
  }

  @Override
  public PaymentView authorize(AuthorizePayment command) {
    PaymentRepository.QuoteForPayment found =
        repository
            .quoteForPayment(command.client(), command.quoteToken())
            .orElseThrow(
                () -> new QuoteNotFoundException("no quote with token " + command.quoteToken()));
    Quote quote = found.quote();
    Instant now = now();
    if (quote.isExpiredAt(now)) {
      throw new QuoteExpiredException(
          "quote " + quote.token() + " expired at " + quote.expiresAt() + "; ask for a new one");
    }
    quote.requireAllowed(command.miles());
    long id = found.paymentId();
    SourceReference holdSource = CashMilesHolds.of(id);
    String holdReference = holdSource.value();
    HoldView hold =
        ledger.placeHold(
            new PlaceHold(
                quote.member(),
                command.miles(),
                holdSource,
                Duration.ofSeconds(quote.terms().holdTtlSeconds()),
                "Cash & Miles " + command.bookingReference()));
    var split = QuoteCalculator.split(quote.fare(), command.miles(), quote.terms().valuePerMile());
    StoredPayment payment =
        new StoredPayment(
            id,
            command.client(),
            quote.member(),
            new PaymentPricing(
                quote.token(), split, quote.fare().taxesAndFees(), quote.terms().refunds()),
            PaymentState.authorized(command.miles(), hold.expiresAt()),
            holdReference,
            new PaidBooking(command.bookingReference(), List.of()),
            PaymentTimes.createdAt(now));
    repository.insertPayment(payment);
    authorized.fire(
        new CashMilesAuthorized(
            id,
            command.client().value(),
            quote.member(),
            command.miles(),
            holdReference,
            hold.expiresAt(),
            now));
    return payment.viewAt(now);
  }

  @Override
  public PaymentView capture(ClientId client, long paymentId, List<String> ticketNumbers) {
    StoredPayment p = lock(client, paymentId);
    Instant now = now();
    PaymentState next = p.state().capture(now);
    // the ledger decides a capture racing the hold's expiry: it refuses with HOLD_EXPIRED once the
    // hold's time limit passed, whether or not the expiry job has run yet
    ledger.captureHold(new CaptureHold(SourceReference.of(p.holdReference()), next.miles()));
    repository.update(paymentId, next, ticketNumbers, now);
    captured.fire(
        new CashMilesCaptured(paymentId, client.value(), p.member(), next.capturedMiles(), now));
    return p.updated(next, ticketNumbers, now).viewAt(now);
  }

  @Override
  public PaymentView voidPayment(ClientId client, long paymentId) {
    StoredPayment p = lock(client, paymentId);
    Instant now = now();
    PaymentState next = p.state().voidHold(now);
    try {
      ledger.releaseHold(SourceReference.of(p.holdReference()));
    } catch (HoldAlreadyResolvedException e) {
      // the expiry job got to the hold between our time check and the release
      throw new HoldExpiredException(
          "the payment's hold expired at " + p.state().holdExpiresAt() + "; nothing to void");
    }
    repository.update(paymentId, next, null, now);
    voided.fire(new CashMilesVoided(paymentId, client.value(), p.member(), next.miles(), now));
    return p.updated(next, null, now).viewAt(now);
  }

  @Override
  public RefundView refund(ClientId client, long paymentId, Long miles, RefundReason reason) {
    Validator.valid(
        "reason",
        () -> java.util.Objects.requireNonNull(reason, "must be VOLUNTARY or INVOLUNTARY"));
    StoredPayment p = lock(client, paymentId);
    Instant now = now();
    PaymentState next = p.state().refund(miles, now);
    long refundMiles = next.refundedMiles() - p.state().refundedMiles();
    boolean redeposit = p.pricing().refunds().redeposits(reason);
    long refundId = repository.nextRefundId();
    String ledgerReference = null;
    if (redeposit) {
      ledgerReference = p.holdReference() + "-refund-" + refundId;
      ledger.post(
          new PostMiles(
              p.member(),
              EntryType.REDEPOSIT,
              refundMiles,
              SourceReference.of(ledgerReference),
              LocalDate.now(clock),
              "Cash & Miles refund (" + reason + ") " + p.booking().reference()));
    }
    repository.update(paymentId, next, null, now);
    repository.insertRefund(
        refundId,
        paymentId,
        refundMiles,
        reason,
        redeposit ? refundMiles : 0,
        ledgerReference,
        now);
    refunded.fire(
        new CashMilesRefunded(
            paymentId,
            refundId,
            client.value(),
            p.member(),
            refundMiles,
            redeposit ? refundMiles : 0,
            reason.name(),
            now));
    return new RefundView(
        refundId,
        paymentId,
        refundMiles,
        reason,
        redeposit ? refundMiles : 0,
        ledgerReference,
        now,
        p.updated(next, null, now).viewAt(now));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public PaymentView payment(ClientId client, long paymentId) {
    return find(client, paymentId, clock.instant());
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PaymentView> payments(PaymentQuery query) {
    Instant now = clock.instant();
    return repository
        .list(query.client(), query.status(), query.after(), query.limit(), now)
        .stream()
        .map(p -> p.viewAt(now))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PaymentView> paymentsOfMember(
      org.openmiles.accounts.api.MemberNumber member, int limit) {
    if (limit < 1 || limit > 200) {
      throw new IllegalArgumentException("limit must be 1 to 200");
    }
    Instant now = clock.instant();
    return repository.ofMember(member.value(), limit).stream().map(p -> p.viewAt(now)).toList();
  }

  /** The time stored with a change, in the database's precision (what a later read shows). */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private StoredPayment lock(ClientId client, long paymentId) {
    return found(repository.lock(client, paymentId), paymentId);
  }

  private PaymentView find(ClientId client, long paymentId, Instant now) {
    return found(repository.find(client, paymentId), paymentId).viewAt(now);
  }

  private static StoredPayment found(java.util.Optional<StoredPayment> payment, long paymentId) {
    return payment.orElseThrow(() -> new PaymentNotFoundException("no payment " + paymentId));
  }

  private static String newToken() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return "q_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
