package org.openmiles.accrual.domain;

import org.openmiles.accrual.api.BookedSegmentView;

/** A row with the passenger's names and ticket, for the booking view. */
public record PassengerSegment(
    BookedSegmentView segment, String lastName, String firstName, String ticket) {}
