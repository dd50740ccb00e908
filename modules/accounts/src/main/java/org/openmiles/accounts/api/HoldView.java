package org.openmiles.accounts.api;

import java.time.Instant;

/** A hold and how it was resolved ({@code captured} is 0 unless CAPTURED). */
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
