package org.openmiles.program.api;

/**
 * One field of a rule's version: its name, its type as a person reads it ({@code whole number},
 * {@code decimal}, {@code currency}), whether a version must have it, and what it means.
 */
public record RuleField(String name, String type, boolean required, String description) {}
