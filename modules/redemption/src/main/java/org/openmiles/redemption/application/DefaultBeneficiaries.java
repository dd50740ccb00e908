package org.openmiles.redemption.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.common.tx.RetriedTransaction;
import org.openmiles.redemption.api.AddBeneficiary;
import org.openmiles.redemption.api.Beneficiaries;
import org.openmiles.redemption.api.BeneficiaryNotFoundException;
import org.openmiles.redemption.api.BeneficiaryView;
import org.openmiles.redemption.api.NomineeLimitReachedException;
import org.openmiles.redemption.api.Passenger;
import org.openmiles.redemption.domain.BeneficiaryLists;
import org.openmiles.redemption.domain.RedemptionProgram;
import org.openmiles.redemption.domain.RedemptionRule;

/** The nominee list and family children of a member; the program's rule caps the nominees. */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class DefaultBeneficiaries implements Beneficiaries {

  @Inject RedemptionProgram program;
  @Inject BeneficiaryLists beneficiaryLists;
  @Inject MemberService members;
  @Inject Clock clock;

  @Override
  public BeneficiaryView add(MemberNumber member, AddBeneficiary b) {
    members.get(member); // MEMBER_NOT_FOUND before anything is written
    RedemptionRule rule = program.ruleOn(LocalDate.now(clock));
    int limit = b.kind() == Passenger.Kind.NOMINEE ? rule.nomineeLimit() : 20;
    return beneficiaryLists
        .addBeneficiary(member, b, limit)
        .orElseThrow(
            () ->
                new NomineeLimitReachedException(
                    "member " + member + " has " + limit + " " + b.kind() + " entries already"));
  }

  @Override
  public void remove(MemberNumber member, long beneficiaryId) {
    if (!beneficiaryLists.removeBeneficiary(member, beneficiaryId)) {
      throw new BeneficiaryNotFoundException(
          "member " + member + " has no nominee or family member " + beneficiaryId);
    }
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<BeneficiaryView> list(MemberNumber member) {
    members.get(member);
    return beneficiaryLists.beneficiaries(member);
  }
}
