package org.openmiles.accounts.api.events;

import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberStatus;

/** A member's status changed, with the reason given. */
public record MemberStatusChanged(
    MemberNumber member, MemberStatus from, MemberStatus to, String reason) {}
