package org.openmiles.accrual.domain;

import org.openmiles.accrual.api.BookedSegment;

/**
 * A segment to store, with its state and what it is expected to earn: as rated for the member's
 * tier, or {@link FlightRating#NONE} and the reason it earns nothing.
 */
public record NewSegment(
    BookedSegment segment,
    String state,
    FlightRating expected,
    String tierCode,
    String reasonCode) {}
