package org.openmiles.accounts.api;

import java.time.LocalDate;

/** What an expiry run did; running the same date again expires nothing more. */
public record ExpiryRunResult(LocalDate asOf, int membersAffected, long milesExpired) {}
