package org.openmiles.accounts.api;

import java.time.Instant;

/**
 * A hold and how it was resolved ({@code captured} is 0 unless CAPTURED).
 *
 * <p>Flat on purpose: it is a JSON body of the REST API (docs/api.md), its components being the
 * fields of the response; grouping them into value records would change the wire format.
 */
public record HoldView(
    long id,
    MemberNumber member,
    SourceReference source,
    long miles,
    long captured,
    HoldStatus status,
    String description,
    Instant createdAt,
    Instant expiresAt,
    Instant resolvedAt) {}
