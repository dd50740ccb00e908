package org.openmiles.cashmiles.web;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.cashmiles.api.AuthorizePayment;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.api.PaymentNotFoundException;
import org.openmiles.cashmiles.api.RefundReason;
import org.openmiles.cashmiles.api.RequestQuote;
import org.openmiles.common.Money;
import org.openmiles.common.Validator;
import org.openmiles.common.web.JsonRequest;

/**
 * The request bodies (and the payment in the path) of the booking-engine API. A body is bound and
 * validated before its operation runs ({@code JsonRequestReader}); its {@link
 * Idempotent.Fingerprinted#fingerprint} is what a retry with the same Idempotency-Key must repeat.
 */
public final class CashMilesRequests {
  private CashMilesRequests() {}

  /**
   * {@code {"amount": "250.00" or 250.00, "currency": "USD"}}; the amount is kept as sent because a
   * text amount may carry spaces around it, which the API has always ignored.
   */
  public record MoneyRequest(JsonValue amount, String currency) {
    Money money() {
      BigDecimal value =
          switch (amount == null ? JsonValue.ValueType.NULL : amount.getValueType()) {
            case STRING -> new BigDecimal(((JsonString) amount).getString().strip());
            case NUMBER -> ((JsonNumber) amount).bigDecimalValue();
            default -> throw new IllegalArgumentException("amount is required");
          };
      if (currency == null || !currency.matches("[A-Z]{3}")) {
        throw new IllegalArgumentException("currency must be an ISO 4217 code such as USD");
      }
      return new Money(value, Currency.getInstance(currency));
    }

    static Money of(MoneyRequest m) {
      if (m == null) {
        throw new IllegalArgumentException(
            "is required: {\"amount\":\"250.00\",\"currency\":\"USD\"}");
      }
      return m.money();
    }
  }

  public record QuoteRequest(
      String member,
      MoneyRequest baseFare,
      MoneyRequest taxesAndFees,
      Long passengers,
      Long segments)
      implements JsonRequest, Idempotent.Fingerprinted {
    @Override
    public void validate(Validator v) {
      v.check("member", () -> new MemberNumber(member));
      v.check("baseFare", () -> MoneyRequest.of(baseFare));
      v.check("taxesAndFees", () -> MoneyRequest.of(taxesAndFees));
      v.require(passengers == null || (passengers >= 1 && passengers <= 9), "passengers", "1 to 9");
      v.require(segments == null || (segments >= 1 && segments <= 16), "segments", "1 to 16");
      v.require(segments != null, "segments", "is required");
    }

    RequestQuote command(ClientId client) {
      return new RequestQuote(
          client,
          new MemberNumber(member),
          MoneyRequest.of(baseFare),
          MoneyRequest.of(taxesAndFees),
          passengerCount(),
          segments.intValue());
    }

    private int passengerCount() {
      return passengers == null ? 1 : passengers.intValue();
    }

    @Override
    public String fingerprint() {
      return new MemberNumber(member)
          + "|"
          + MoneyRequest.of(baseFare)
          + "|"
          + MoneyRequest.of(taxesAndFees)
          + "|"
          + passengerCount()
          + "|"
          + segments;
    }
  }

  public record AuthorizeRequest(String quoteToken, Long miles, String bookingReference)
      implements JsonRequest, Idempotent.Fingerprinted {
    /**
     * Stands in for the caller while the body is checked: the command's own rules are the body's
     * rules, and the caller is known only to the operation.
     */
    private static final ClientId ANY_CLIENT = new ClientId("body-check");

    @Override
    public void validate(Validator v) {
      v.require(miles != null, "miles", "is required");
      v.check("payment", () -> command(ANY_CLIENT));
    }

    AuthorizePayment command(ClientId client) {
      return new AuthorizePayment(client, quoteToken, miles == null ? 0 : miles, bookingReference);
    }

    @Override
    public String fingerprint() {
      return quoteToken + "|" + miles + "|" + bookingReference;
    }
  }

  /** Optional: {@code {"ticketNumbers":["7381234567890"]}}. */
  public record CaptureRequest(List<String> ticketNumbers)
      implements JsonRequest, Idempotent.Fingerprinted {
    @Override
    public void validate(Validator v) {
      List<String> tickets = tickets();
      v.require(
          tickets.size() <= 36 && tickets.stream().allMatch(t -> t.matches("\\d{13}")),
          "ticketNumbers",
          "at most 36 ticket numbers of 13 digits");
    }

    List<String> tickets() {
      return ticketNumbers == null ? List.of() : ticketNumbers;
    }

    @Override
    public String fingerprint() {
      return String.join(",", tickets());
    }
  }

  /** {@code {"miles": optional, "reason": "VOLUNTARY"|"INVOLUNTARY"}}. */
  public record RefundRequest(Long miles, RefundReason reason)
      implements JsonRequest, Idempotent.Fingerprinted {
    @Override
    public void validate(Validator v) {
      v.require(miles == null || miles > 0, "miles", "must be positive");
      v.require(reason != null, "reason", "VOLUNTARY or INVOLUNTARY is required");
    }

    @Override
    public String fingerprint() {
      return (miles == null ? "all" : miles) + "|" + reason;
    }
  }

  /**
   * The payment id in the path. Any text converts; one that cannot be an id is a payment not found
   * when it is used (an id that cannot exist is simply not found).
   */
  @Schema(type = SchemaType.STRING, description = "The payment id")
  public record PaymentRef(String text) implements Idempotent.Fingerprinted {
    long id() {
      try {
        long value = Long.parseLong(text);
        if (value > 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // falls through
      }
      throw new PaymentNotFoundException("no payment " + text);
    }

    @Override
    public String fingerprint() {
      return Long.toString(id());
    }
  }
}
