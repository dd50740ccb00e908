package org.openmiles.accounts.api;

/**
 * What a posting did. A retry with the same source reference returns the first posting's result
 * with {@code replayed = true} and changes nothing.
 */
public record PostingResult(
    long entryId,
    MemberNumber member,
    EntryType type,
    long miles,
    SourceReference source,
    long balanceAfter,
    boolean replayed) {}
