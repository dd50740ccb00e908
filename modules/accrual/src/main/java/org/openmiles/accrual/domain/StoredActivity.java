package org.openmiles.accrual.domain;

/** A record received before: which file brought it, what it earned, its status. */
public record StoredActivity(long fileId, long lineNo, long miles, ActivityStatus status) {}
