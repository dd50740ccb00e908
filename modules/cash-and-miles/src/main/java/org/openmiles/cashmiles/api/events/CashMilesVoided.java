package org.openmiles.cashmiles.api.events;

import java.time.Instant;
import org.openmiles.accounts.api.MemberNumber;

/** Cash &amp; Miles: a payment's hold released by its booking engine. */
public record CashMilesVoided(
    long paymentId, String client, MemberNumber member, long miles, Instant at) {}
