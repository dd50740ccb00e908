package org.openmiles.program.domain;

import java.time.Instant;
import org.openmiles.program.api.ChangeState;

/**
 * One step of a change request's history, as audited: the state it reached, who took the step (the
 * authenticated principal, never a name from a request body), when, and why.
 */
public record ChangeEvent(ChangeState state, String by, Instant at, String reason) {}
