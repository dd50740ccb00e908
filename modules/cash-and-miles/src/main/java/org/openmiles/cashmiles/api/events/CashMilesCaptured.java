package org.openmiles.cashmiles.api.events;

import java.time.Instant;
import org.openmiles.accounts.api.MemberNumber;

/** Cash &amp; Miles: held miles debited at ticketing. */
public record CashMilesCaptured(
    long paymentId, String client, MemberNumber member, long miles, Instant at) {}
