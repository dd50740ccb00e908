package org.openmiles.cashmiles.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.cashmiles.api.PaymentNotFoundException;
import org.openmiles.cashmiles.web.CashMilesRequests.AuthorizeRequest;
import org.openmiles.cashmiles.web.CashMilesRequests.CaptureRequest;
import org.openmiles.cashmiles.web.CashMilesRequests.PaymentRef;
import org.openmiles.cashmiles.web.CashMilesRequests.QuoteRequest;
import org.openmiles.cashmiles.web.CashMilesRequests.RefundRequest;
import org.openmiles.common.ValidationException;
import org.openmiles.common.web.JsonRecords;
import org.openmiles.common.web.JsonRequest;

/**
 * The request bodies as the booking-engine API reads them, and their fingerprints: these are the
 * request hashes stored with Idempotency-Keys, so they must not change (a retry across a release
 * would be refused as IDEMPOTENCY_KEY_REUSED).
 */
class CashMilesRequestsTest {
  private static final String FARE =
      """
      {"member":"%s","baseFare":{"amount":"250.00","currency":"USD"},
       "taxesAndFees":{"amount":45.5,"currency":"USD"},"passengers":2,"segments":2}""";

  private static <R extends JsonRequest> R read(String json, Class<R> type) {
    return JsonRecords.read(json, type);
  }

  private static Map<String, String> errors(String json, Class<? extends JsonRequest> type) {
    try {
      read(json, type);
    } catch (ValidationException e) {
      return e.fieldErrors();
    }
    throw new AssertionError("accepted: " + json);
  }

  private static String fingerprint(String operation, Object... args) {
    return IdempotencyInterceptor.fingerprint(operation, args);
  }

  @Test
  void fingerprintsAreTheRequestHashesOfBefore() {
    assertThat(fingerprint("void", new PaymentRef("42"))).isEqualTo("void|42");
    assertThat(
            fingerprint(
                "authorize",
                read(
                    "{\"quoteToken\":\"q_1\",\"miles\":2000,\"bookingReference\":\"PNR1\"}",
                    AuthorizeRequest.class)))
        .isEqualTo("authorize|q_1|2000|PNR1");
    assertThat(
            fingerprint(
                "capture",
                new PaymentRef("42"),
                read("{\"ticketNumbers\":[\"7381234567890\"]}", CaptureRequest.class)))
        .isEqualTo("capture|42|7381234567890");
    assertThat(fingerprint("capture", new PaymentRef("42"), read("", CaptureRequest.class)))
        .isEqualTo("capture|42|");
    assertThat(
            fingerprint(
                "refund",
                new PaymentRef("42"),
                read("{\"reason\":\"VOLUNTARY\"}", RefundRequest.class)))
        .isEqualTo("refund|42|all|VOLUNTARY");
    assertThat(
            fingerprint(
                "refund",
                new PaymentRef("42"),
                read("{\"miles\":500,\"reason\":\"INVOLUNTARY\"}", RefundRequest.class)))
        .isEqualTo("refund|42|500|INVOLUNTARY");
    String member = org.openmiles.accounts.api.MemberNumber.fromSequence(100_000_001L).value();
    assertThat(fingerprint("quote", read(FARE.formatted(member), QuoteRequest.class)))
        .isEqualTo("quote|" + member + "|250.00 USD|45.50 USD|2|2");
  }

  @Test
  void anAmountIsANumberOrTextWithSpacesAround() {
    String member = org.openmiles.accounts.api.MemberNumber.fromSequence(100_000_001L).value();
    QuoteRequest q =
        read(FARE.formatted(member).replace("\"250.00\"", "\" 250.00 \""), QuoteRequest.class);
    assertThat(q.fingerprint()).isEqualTo(member + "|250.00 USD|45.50 USD|2|2");
    assertThat(errors(FARE.formatted(member).replace("\"250.00\"", "\"abc\""), QuoteRequest.class))
        .containsKey("baseFare");
    assertThat(errors(FARE.formatted(member).replace("\"250.00\"", "true"), QuoteRequest.class))
        .containsEntry("baseFare", "amount is required");
  }

  @Test
  void aPaymentIdThatCannotExistIsNotFound() {
    assertThat(new PaymentRef("7").id()).isEqualTo(7);
    assertThatThrownBy(() -> new PaymentRef("0").id()).isInstanceOf(PaymentNotFoundException.class);
    assertThatThrownBy(() -> fingerprint("void", new PaymentRef("x1")))
        .isInstanceOf(PaymentNotFoundException.class);
  }

  @Test
  void refusalsAreFieldErrors() {
    assertThat(errors("{\"quoteToken\":\"q_1\"}", AuthorizeRequest.class))
        .containsEntry("miles", "is required")
        .containsKey("payment");
    assertThat(errors("{\"miles\":\"2000\"}", AuthorizeRequest.class))
        .containsEntry("miles", "must be a whole number");
    assertThat(errors("{}", RefundRequest.class))
        .containsEntry("reason", "VOLUNTARY or INVOLUNTARY is required");
    assertThat(errors("{\"reason\":\"LOST\",\"miles\":0}", RefundRequest.class))
        .containsEntry("reason", "is not one of the accepted values");
    assertThat(errors("{\"miles\":0,\"reason\":\"VOLUNTARY\"}", RefundRequest.class))
        .containsEntry("miles", "must be positive");
    assertThat(errors("{\"ticketNumbers\":[\"123\"]}", CaptureRequest.class))
        .containsEntry("ticketNumbers", "at most 36 ticket numbers of 13 digits");
    assertThat(errors("{\"member\":\"x\",\"passengers\":10}", QuoteRequest.class))
        .containsKeys("member", "baseFare", "taxesAndFees", "passengers", "segments")
        .containsEntry("baseFare", "is required: {\"amount\":\"250.00\",\"currency\":\"USD\"}");
    assertThat(
            errors(
                "{\"member\":\"x\",\"baseFare\":{\"amount\":\"1\",\"currency\":\"usd\"}}",
                QuoteRequest.class))
        .containsEntry("baseFare", "currency must be an ISO 4217 code such as USD");
  }
}
