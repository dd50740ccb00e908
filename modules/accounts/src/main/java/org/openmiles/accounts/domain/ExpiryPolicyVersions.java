package org.openmiles.accounts.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The versions of the miles expiry policy ({@code accounts.expiry_policy}) as program
 * administration reads and adds them (issue 20, ADR 0045). A version is added from its date and
 * never changed; the ledger reads the policy in force on a date ({@link
 * ExpiryLotRepository#policyOn}): the latest-starting version not after it.
 */
public interface ExpiryPolicyVersions {

  /** Every version, oldest first. */
  List<Written> versions();

  /**
   * Adds a version from {@code from} written by change request {@code change}; false if one from
   * that date is there already (versions are never overwritten).
   */
  boolean add(LocalDate from, ExpiryPolicy policy, long change);

  /** A version as stored: the policy, its date, and the change that wrote it (null: seeded). */
  record Written(ExpiryPolicy policy, LocalDate from, Long change) {
    /** The version in force on {@code date}, as {@link ExpiryLotRepository#policyOn} reads it. */
    public static Optional<Written> inForce(List<Written> versions, LocalDate date) {
      Written latest = null;
      for (Written v : versions) {
        if (!v.from().isAfter(date) && (latest == null || v.from().isAfter(latest.from()))) {
          latest = v;
        }
      }
      return Optional.ofNullable(latest);
    }

    /** The next version's date (this one applies until then), if one is written. */
    public static Optional<LocalDate> next(List<Written> versions, LocalDate after) {
      return versions.stream()
          .map(Written::from)
          .filter(d -> d.isAfter(after))
          .min(LocalDate::compareTo);
    }
  }
}
