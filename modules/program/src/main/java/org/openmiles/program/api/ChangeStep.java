package org.openmiles.program.api;

import java.time.Instant;

/**
 * One step of a change request's history, as audited: the state it reached, who took the step (the
 * authenticated principal, never a name from a request body), when, and why.
 */
public record ChangeStep(ChangeState state, String by, Instant at, String reason) {}
