package org.openmiles.accrual.domain;

/**
 * The reversal of a stored record: the file line that took it back and the miles it took back;
 * {@code FileLine(0, 0)} and zero miles while it is not reversed.
 */
public record StoredReversal(FileLine line, long miles) {}
