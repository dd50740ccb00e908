package org.openmiles.accrual.api;

/**
 * What an airport import did: airports written, rows without an IATA code skipped, rows refused.
 */
public record AirportImport(
    String format, long airports, long skipped, long refused, String firstProblem) {}
