package org.openmiles.cashmiles.api;

import java.util.Objects;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.Money;

/**
 * Price a fare as miles + cash for a member: the base fare (which miles may pay), taxes and fees
 * (always cash, same currency), passengers (1-9) and flight segments (1-16).
 */
public record RequestQuote(
    ClientId client,
    MemberNumber member,
    Money baseFare,
    Money taxesAndFees,
    int passengers,
    int segments) {
  public RequestQuote {
    Objects.requireNonNull(client, "client is required");
    Objects.requireNonNull(member, "member is required");
    Objects.requireNonNull(baseFare, "baseFare is required");
    Objects.requireNonNull(taxesAndFees, "taxesAndFees is required");
  }
}
