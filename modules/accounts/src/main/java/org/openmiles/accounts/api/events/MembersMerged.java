package org.openmiles.accounts.api.events;

import java.time.Instant;
import org.openmiles.accounts.api.MemberNumber;

/**
 * A duplicate member was merged into the survivor: its {@code milesMoved} now belong to the
 * survivor and it is closed. Fired inside the merge's transaction, so observers that keep data per
 * member (tier counters) move it in the same commit.
 */
public record MembersMerged(
    MemberNumber survivor, MemberNumber duplicate, long milesMoved, Instant mergedAt) {}
