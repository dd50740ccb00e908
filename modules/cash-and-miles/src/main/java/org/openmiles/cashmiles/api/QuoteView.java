package org.openmiles.cashmiles.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.Money;

/**
 * A quote: the miles a payment may use ({@code minimum} to {@code maximum} in {@code step}s), the
 * mile value locked until {@code expiresAt}, the member's available miles now, and a few example
 * splits (capped at the available miles). Any step of the range may be authorized, not only the
 * examples.
 *
 * <p>Flat on purpose: it mirrors a JSON body of the REST API (docs/api.md) one to one, each
 * component a field of the response ({@code CashMilesJson} writes them in order).
 */
public record QuoteView(
    String quoteToken,
    MemberNumber member,
    Instant expiresAt,
    Money baseFare,
    Money taxesAndFees,
    int passengers,
    int segments,
    BigDecimal valuePerMile,
    long availableMiles,
    long minimumMiles,
    long maximumMiles,
    long step,
    List<Option> options) {

  public QuoteView {
    options = List.copyOf(options);
  }

  /** One way to pay: these miles, what they are worth, and the cash still due. */
  public record Option(long miles, Money milesValue, Money cashForFare, Money totalCash) {}
}
