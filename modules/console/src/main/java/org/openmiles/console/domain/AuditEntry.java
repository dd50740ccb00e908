package org.openmiles.console.domain;

import java.time.Instant;

/**
 * One line of the audit log: who ({@code actor}) did what ({@code action}, e.g. ADJUSTMENT_POSTED)
 * when, to which member and object, the state before and after, and the reason they gave.
 */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String action,
    String member,
    String target,
    String before,
    String after,
    String reason) {}
