package org.openmiles.accrual.api;

/** The flown distance of a city pair, where it came from, and whether the flight is domestic. */
public record Distance(
    String origin, String destination, long miles, String source, boolean domestic) {}
