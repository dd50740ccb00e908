package org.openmiles.retention.api;

import java.time.Instant;

/** One consent decision: channel, granted or withdrawn, its source, who recorded it and when. */
public record ConsentView(
    Channel channel, boolean granted, ConsentSource source, String principal, Instant recordedAt) {}
