package org.openmiles.accounts.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member's profile and status. {@code mergedInto} is the member who survived a merge of this
 * (closed) duplicate, null otherwise.
 */
public record MemberView(
    MemberNumber number,
    String firstName,
    String lastName,
    String email,
    String phone,
    LocalDate birthDate,
    String country,
    boolean marketingConsent,
    MemberStatus status,
    String statusReason,
    Instant enrolledAt,
    Instant updatedAt,
    MemberNumber mergedInto) {}
