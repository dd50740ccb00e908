package org.openmiles.cashmiles.web;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import org.openmiles.cashmiles.api.PaymentView;
import org.openmiles.cashmiles.api.QuoteView;
import org.openmiles.cashmiles.api.RefundView;
import org.openmiles.common.Money;

/**
 * The JSON answers of the Cash &amp; Miles API, written by hand so that the stored answer of an
 * idempotent request is exactly what was sent (requests are records: {@link CashMilesRequests}).
 * Money is {@code {"amount":"295.50","currency":"USD"}} with the amount as a string in the
 * currency's minor unit (no binary floating point on the way); instants are ISO-8601 UTC; null
 * fields are left out.
 */
final class CashMilesJson {
  /**
   * Looked up once: {@code Json.createObjectBuilder()} and the other static {@code Json} methods
   * call {@code JsonProvider.provider()} each time, a service-loader search of the class path (and
   * an OSGi look-up on Payara) under the jar files' locks; under bench/cashmiles those calls were
   * most of the request threads' lock contention. {@code JsonProviderLookupTest} keeps them out.
   */
  static final JsonProvider JSON = JsonProvider.provider();

  private CashMilesJson() {}

  // --- writing

  static JsonObjectBuilder money(Money m) {
    return JSON.createObjectBuilder()
        .add("amount", m.amount().toPlainString())
        .add("currency", m.currency().getCurrencyCode());
  }

  static JsonObject quote(QuoteView q) {
    JsonArrayBuilder options = JSON.createArrayBuilder();
    q.options()
        .forEach(
            o ->
                options.add(
                    JSON.createObjectBuilder()
                        .add("miles", o.miles())
                        .add("milesValue", money(o.milesValue()))
                        .add("cashForFare", money(o.cashForFare()))
                        .add("totalCash", money(o.totalCash()))));
    return JSON.createObjectBuilder()
        .add("quoteToken", q.quoteToken())
        .add("member", q.member().value())
        .add("expiresAt", q.expiresAt().toString())
        .add("currency", q.baseFare().currency().getCurrencyCode())
        .add("baseFare", money(q.baseFare()))
        .add("taxesAndFees", money(q.taxesAndFees()))
        .add("passengers", q.passengers())
        .add("segments", q.segments())
        .add("valuePerMile", q.valuePerMile().stripTrailingZeros().toPlainString())
        .add("availableMiles", q.availableMiles())
        .add(
            "miles",
            JSON.createObjectBuilder()
                .add("minimum", q.minimumMiles())
                .add("maximum", q.maximumMiles())
                .add("step", q.step()))
        .add("options", options)
        .build();
  }

  static JsonObject payment(PaymentView p) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("paymentId", p.paymentId())
            .add("status", p.status().name())
            .add("member", p.member().value())
            .add("quoteToken", p.quoteToken())
            .add("miles", p.miles())
            .add("cash", money(p.totalCash()))
            .add("milesValue", money(p.milesValue()))
            .add("cashForFare", money(p.cashForFare()))
            .add("taxesAndFees", money(p.taxesAndFees()))
            .add("bookingReference", p.bookingReference())
            .add("capturedMiles", p.capturedMiles())
            .add("refundedMiles", p.refundedMiles())
            .add("holdReference", p.holdReference())
            .add("holdExpiresAt", p.holdExpiresAt().toString())
            .add("createdAt", p.createdAt().toString())
            .add("updatedAt", p.updatedAt().toString());
    if (!p.ticketNumbers().isEmpty()) {
      JsonArrayBuilder t = JSON.createArrayBuilder();
      p.ticketNumbers().forEach(t::add);
      b.add("ticketNumbers", t);
    }
    instant(b, "capturedAt", p.capturedAt());
    instant(b, "voidedAt", p.voidedAt());
    return b.build();
  }

  static JsonObject refund(RefundView r) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("refundId", r.refundId())
            .add("paymentId", r.paymentId())
            .add("miles", r.miles())
            .add("reason", r.reason().name())
            .add("milesRedeposited", r.milesRedeposited())
            .add("createdAt", r.createdAt().toString());
    if (r.ledgerReference() != null) {
      b.add("ledgerReference", r.ledgerReference());
    }
    return b.add("payment", payment(r.payment())).build();
  }

  private static void instant(JsonObjectBuilder b, String field, Instant value) {
    if (value != null) {
      b.add(field, value.toString());
    }
  }
}
