package org.openmiles.redemption.domain;

import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.redemption.api.AddBeneficiary;
import org.openmiles.redemption.api.BeneficiaryView;

/** The people a member may redeem awards for. */
public interface BeneficiaryLists {

  List<BeneficiaryView> beneficiaries(MemberNumber member);

  Optional<BeneficiaryView> beneficiary(MemberNumber member, long id);

  /**
   * Adds a beneficiary unless the member has {@code limit} of that kind already (two concurrent
   * adds cannot both pass); an identical one already listed is returned as it is. Empty when the
   * limit is reached.
   */
  Optional<BeneficiaryView> addBeneficiary(MemberNumber member, AddBeneficiary b, int limit);

  /** Whether the beneficiary was listed and is removed now. */
  boolean removeBeneficiary(MemberNumber member, long id);
}
