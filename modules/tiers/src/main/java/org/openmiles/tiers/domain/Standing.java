package org.openmiles.tiers.domain;

/** A member's qualifying activity in a period, lifetime miles, and recorded status (or null). */
public record Standing(
    String member, Counters inPeriod, long lifetimeMiles, RecordedStatus status) {}
