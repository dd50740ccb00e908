package org.openmiles.redemption.api;

import java.util.List;
import org.openmiles.accounts.api.BalanceView.ExpiringMiles;

/**
 * What cancelling an award today would do, before anyone confirms it: the award's miles, the fee,
 * the miles that would go back by expiry date ({@code redeposit}; a null date means the expiry
 * policy dates them), and the miles that would not come back because their original date has passed
 * ({@code lapsed}). {@link AwardService#cancel} applies the same rule.
 */
public record CancellationQuote(
    String reference,
    long miles,
    long feeMiles,
    long redepositMiles,
    List<ExpiringMiles> redeposit,
    long lapsedMiles) {

  public CancellationQuote {
    redeposit = List.copyOf(redeposit);
  }
}
