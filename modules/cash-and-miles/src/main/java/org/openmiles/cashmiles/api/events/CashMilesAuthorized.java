package org.openmiles.cashmiles.api.events;

import java.time.Instant;
import org.openmiles.accounts.api.MemberNumber;

/** Cash &amp; Miles: miles of a member held for a booking engine's payment. */
public record CashMilesAuthorized(
    long paymentId,
    String client,
    MemberNumber member,
    long miles,
    String holdReference,
    Instant holdExpiresAt,
    Instant at) {}
