package org.openmiles.redemption.api.events;

import java.time.Instant;
import org.openmiles.accounts.api.MemberNumber;

/** An award was issued and its miles debited (committed with the debit). */
public record AwardRedeemed(
    String awardReference,
    MemberNumber member,
    String kind,
    String passengerKind,
    long miles,
    long ledgerEntryId,
    Instant issuedAt) {}
