package org.openmiles.accounts.api;

import java.time.Instant;
import java.time.LocalDate;

/** One line of a statement: the entry and the balance right after it. */
public record LedgerEntryView(
    long id,
    EntryType type,
    long miles,
    long heldChange,
    long balanceAfter,
    String source,
    LocalDate activityDate,
    String description,
    Instant postedAt) {}
