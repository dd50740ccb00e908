package org.openmiles.cashmiles.web;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.openmiles.cashmiles.api.PaymentView;
import org.openmiles.cashmiles.api.QuoteView;
import org.openmiles.cashmiles.api.RefundView;
import org.openmiles.common.Money;
import org.openmiles.common.Validator;

/**
 * JSON of the Cash &amp; Miles API, written by hand so that the stored answer of an idempotent
 * request is exactly what was sent. Money is {@code {"amount":"295.50","currency":"USD"}} with the
 * amount as a string in the currency's minor unit (no binary floating point on the way); instants
 * are ISO-8601 UTC; null fields are left out.
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

  // --- reading

  /** The request body as an object; an empty body is an empty object. */
  static JsonObject body(String text) {
    if (text == null || text.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader r = JSON.createReader(new StringReader(text))) {
      JsonValue v = r.readValue();
      if (v.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new jakarta.json.JsonException("the body must be a JSON object");
      }
      return v.asJsonObject();
    }
  }

  /** {@code {"amount": "250.00" or 250.00, "currency": "USD"}}. */
  static Money money(Validator v, JsonObject body, String field) {
    return v.check(
        field,
        () -> {
          JsonValue m = body.get(field);
          if (m == null || m.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException(
                "is required: {\"amount\":\"250.00\",\"currency\":\"USD\"}");
          }
          JsonObject o = m.asJsonObject();
          JsonValue amount = o.get("amount");
          BigDecimal value =
              switch (amount == null ? JsonValue.ValueType.NULL : amount.getValueType()) {
                case STRING -> new BigDecimal(o.getString("amount").strip());
                case NUMBER -> o.getJsonNumber("amount").bigDecimalValue();
                default -> throw new IllegalArgumentException("amount is required");
              };
          String currency = o.containsKey("currency") ? textOf(o.get("currency")) : null;
          if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as USD");
          }
          return new Money(value, Currency.getInstance(currency));
        });
  }

  static String text(JsonObject body, String field) {
    return body.containsKey(field) ? textOf(body.get(field)) : null;
  }

  private static String textOf(JsonValue v) {
    return v != null && v.getValueType() == JsonValue.ValueType.STRING
        ? ((jakarta.json.JsonString) v).getString()
        : null;
  }

  /** A whole number, or null when absent; anything else is a field error. */
  static Long whole(Validator v, JsonObject body, String field) {
    JsonValue n = body.get(field);
    if (n == null || n.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return v.check(
        field,
        () -> {
          if (n.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new IllegalArgumentException("must be a whole number");
          }
          try {
            return body.getJsonNumber(field).longValueExact();
          } catch (ArithmeticException e) {
            throw new IllegalArgumentException("must be a whole number");
          }
        });
  }

  static List<String> strings(Validator v, JsonObject body, String field) {
    JsonValue a = body.get(field);
    if (a == null || a.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    v.check(
        field,
        () -> {
          if (a.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("must be an array of strings");
          }
          for (JsonValue e : a.asJsonArray()) {
            String s = textOf(e);
            if (s == null) {
              throw new IllegalArgumentException("must be an array of strings");
            }
            out.add(s);
          }
          return out;
        });
    return out;
  }

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
