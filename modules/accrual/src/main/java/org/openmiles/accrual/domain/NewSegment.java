package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import org.openmiles.accrual.api.BookedSegment;

/**
 * A segment to store, with its state and what it is expected to earn (zeros and a reason if
 * nothing).
 */
public record NewSegment(
    BookedSegment segment,
    String state,
    Integer distanceMiles,
    long baseMiles,
    long bonusMiles,
    long qualifyingMiles,
    BigDecimal qualifyingFlights,
    String tierCode,
    String reasonCode) {}
