package org.openmiles.redemption.api;

import java.util.List;
import org.openmiles.accounts.api.MemberNumber;

/** The people a member may redeem awards for: the nominee list and the family's children. */
public interface Beneficiaries {

  /** Adds a nominee or a child; a nominee beyond the program's limit: NOMINEE_LIMIT_REACHED. */
  BeneficiaryView add(MemberNumber member, AddBeneficiary beneficiary);

  /** Removes one from the list (awards already issued for them stay valid). */
  void remove(MemberNumber member, long beneficiaryId);

  List<BeneficiaryView> list(MemberNumber member);
}
