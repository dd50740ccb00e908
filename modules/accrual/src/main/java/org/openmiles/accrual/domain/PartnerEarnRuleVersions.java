package org.openmiles.accrual.domain;

import java.util.List;
import java.util.Optional;
import org.openmiles.accrual.api.EarnBasis;

/** The versions of partners' earn rules, as program administration reads and adds them. */
public interface PartnerEarnRuleVersions {

  /** The partner's kind ({@code HOTEL}, {@code HOST}, ...), if it exists. */
  Optional<String> partnerKind(String partnerCode);

  /** Every version of the partner's rule for {@code basis}, each with the change that wrote it. */
  List<Written> versions(String partnerCode, EarnBasis basis);

  /**
   * Adds a version written by change request {@code change}; false if one from the same date is
   * there already (versions are never overwritten).
   */
  boolean add(String partnerCode, PartnerEarnRule rule, long change);

  /** A version as stored, with the change request that wrote it (null: seeded). */
  record Written(PartnerEarnRule rule, Long change) {}
}
