package org.openmiles.retention.api;

import java.time.Instant;
import java.time.LocalDate;
import org.openmiles.accounts.api.MemberNumber;

/**
 * One engagement action as stored: its points and bonus miles after the caps, the ledger reference
 * of the miles (null if none), the friend of a referral, the airline day it counted on.
 */
public record ActionView(
    String actionId,
    MemberNumber member,
    String type,
    ActionStatus status,
    int points,
    long bonusMiles,
    String ledgerReference,
    MemberNumber referredMember,
    LocalDate actionDay,
    Instant recordedAt) {}
