package org.openmiles.accounts.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member's profile and status. {@code mergedInto} is the member who survived a merge of this
 * (closed) duplicate, null otherwise.
 *
 * <p>Flat on purpose: it is a JSON body of the REST API (docs/api.md), its components being the
 * fields of the response; grouping them into value records would change the wire format.
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
