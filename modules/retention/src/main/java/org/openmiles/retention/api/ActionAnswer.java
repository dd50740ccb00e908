package org.openmiles.retention.api;

/**
 * What posting an action did: the action (its points after caps, its miles), the member's points
 * and engagement level afterwards, and whether it was already known ({@code replayed}: the same
 * action id was posted before and nothing was added now).
 */
public record ActionAnswer(
    ActionView action, long memberPoints, LevelView level, boolean replayed) {}
