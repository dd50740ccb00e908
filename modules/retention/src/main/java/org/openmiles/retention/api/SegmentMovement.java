package org.openmiles.retention.api;

/** How many members moved from {@code from} to {@code to} in a date range. */
public record SegmentMovement(String from, String to, long members) {}
