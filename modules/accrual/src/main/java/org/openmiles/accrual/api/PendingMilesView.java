package org.openmiles.accrual.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's expected (pending) miles: the confirmed segments departing on {@code asOf} or later,
 * in departure order, and their totals. Expected miles are a forecast, not a balance: they are
 * credited only once the coupon is flown.
 */
public record PendingMilesView(
    String memberNumber,
    LocalDate asOf,
    int segments,
    long expectedMiles,
    long qualifyingMiles,
    BigDecimal qualifyingFlights,
    List<BookedSegmentView> upcoming) {}
