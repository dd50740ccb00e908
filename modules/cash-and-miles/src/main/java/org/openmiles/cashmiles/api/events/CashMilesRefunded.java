package org.openmiles.cashmiles.api.events;

import java.time.Instant;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Cash &amp; Miles: miles of a captured payment refunded (redeposited or kept, per program rule).
 */
public record CashMilesRefunded(
    long paymentId,
    long refundId,
    String client,
    MemberNumber member,
    long miles,
    long milesRedeposited,
    String reason,
    Instant at) {}
