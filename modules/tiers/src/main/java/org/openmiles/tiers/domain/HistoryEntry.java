package org.openmiles.tiers.domain;

import java.time.LocalDate;

/** A move of a member's tier to record in the history: from, to, why, and until when. */
public record HistoryEntry(
    String member, String from, String to, String source, String reason, LocalDate validUntil) {}
