package org.openmiles.redemption.api;

import java.time.Instant;
import java.util.List;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.MemberNumber;

/**
 * An issued award: its reference ({@code AW} + 10 digits), what it is, who travels, the miles (base
 * + non-nominee surcharge), its state, and after a cancellation the fee and the miles redeposited.
 * {@code spent} gives the miles spent by their expiry date. {@code replayed} is true when a retried
 * request returned the award issued first.
 *
 * <p>Flat on purpose: it is a JSON body of the REST API (docs/api.md), its components being the
 * fields of the response; grouping them into value records would change the wire format.
 */
public record AwardView(
    String reference,
    MemberNumber member,
    String kind,
    String description,
    String passengerKind,
    String passengerName,
    long baseMiles,
    long surchargeMiles,
    long miles,
    String status,
    Instant issuedAt,
    Instant cancelledAt,
    Long cancelFeeMiles,
    Long redepositedMiles,
    List<BalanceView.ExpiringMiles> spent,
    boolean replayed) {

  public AwardView {
    spent = spent == null ? List.of() : List.copyOf(spent);
  }

  public AwardView asReplay() {
    return new AwardView(
        reference,
        member,
        kind,
        description,
        passengerKind,
        passengerName,
        baseMiles,
        surchargeMiles,
        miles,
        status,
        issuedAt,
        cancelledAt,
        cancelFeeMiles,
        redepositedMiles,
        spent,
        true);
  }
}
