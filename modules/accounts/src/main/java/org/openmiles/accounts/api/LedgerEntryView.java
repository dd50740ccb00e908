package org.openmiles.accounts.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a statement: the entry, the balance right after it, and the tier-qualifying activity
 * it carries (zero for most entries).
 *
 * <p>Flat on purpose: it is a JSON body of the REST API (docs/api.md), its components being the
 * fields of the response; grouping them into value records would change the wire format.
 */
public record LedgerEntryView(
    long id,
    EntryType type,
    long miles,
    long heldChange,
    long balanceAfter,
    String source,
    LocalDate activityDate,
    String description,
    Instant postedAt,
    Qualifying qualifying) {}
