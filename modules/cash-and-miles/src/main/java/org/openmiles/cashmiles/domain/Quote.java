package org.openmiles.cashmiles.domain;

import java.time.Instant;
import java.util.Objects;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.api.SplitNotAllowedException;

/**
 * A stored quote: the fare, and the program's numbers in force when it was made (mile value, range
 * of miles, hold lifetime, refund rules), which every payment on it uses until {@code expiresAt}.
 */
public record Quote(
    String token,
    ClientId client,
    MemberNumber member,
    QuoteCalculator.Fare fare,
    QuoteTerms terms,
    Instant createdAt,
    Instant expiresAt) {

  public Quote {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(fare, "fare");
    Objects.requireNonNull(terms, "terms");
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Refuses miles outside the range, naming the rule they break. */
  public void requireAllowed(long miles) {
    QuoteCalculator.Range range = terms.range();
    if (miles < range.minimum()) {
      throw new SplitNotAllowedException(
          SplitNotAllowedException.BELOW_MINIMUM,
          "at least " + range.minimum() + " miles for this fare; " + miles + " asked");
    }
    if (miles > range.maximum()) {
      throw new SplitNotAllowedException(
          SplitNotAllowedException.ABOVE_MAXIMUM,
          "at most " + range.maximum() + " miles for this fare; " + miles + " asked");
    }
    if ((miles - range.minimum()) % range.step() != 0) {
      throw new SplitNotAllowedException(
          SplitNotAllowedException.NOT_IN_STEP,
          "miles go up from "
              + range.minimum()
              + " in steps of "
              + range.step()
              + "; "
              + miles
              + " is not one of them");
    }
  }
}
