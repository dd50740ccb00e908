package org.openmiles.accounts.api.events;

import java.time.Instant;
import org.openmiles.accounts.api.MemberNumber;

/** A member was enrolled. */
public record MemberEnrolled(MemberNumber member, String country, Instant enrolledAt) {}
