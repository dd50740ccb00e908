package org.openmiles.redemption.api.events;

import java.time.Instant;
import org.openmiles.accounts.api.MemberNumber;

/** An award was cancelled: {@code redepositedMiles} went back to the member, less the fee. */
public record AwardCancelled(
    String awardReference,
    MemberNumber member,
    long miles,
    long feeMiles,
    long redepositedMiles,
    Instant cancelledAt) {}
