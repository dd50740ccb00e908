package org.openmiles.accounts.domain;

import java.time.LocalDate;
import java.util.List;
import org.openmiles.program.api.DatedVersion;

/**
 * The versions of the miles expiry policy ({@code accounts.expiry_policy}) as program
 * administration reads and adds them (issue 20, ADR 0045). A version is added from its date and
 * never changed; the ledger reads the policy in force on a date ({@link
 * ExpiryLotRepository#policyOn}): the latest-starting version not after it (the table has no end
 * date: a version applies until the next one).
 */
public interface ExpiryPolicyVersions {

  /** Every version, oldest first. */
  List<DatedVersion<ExpiryPolicy>> versions();

  /**
   * Adds a version from {@code from} written by change request {@code change}; false if one from
   * that date is there already (versions are never overwritten).
   */
  boolean add(LocalDate from, ExpiryPolicy policy, long change);
}
