package org.openmiles.accounts.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.openmiles.accounts.api.MemberNotFoundException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.domain.Account;
import org.openmiles.accounts.domain.AccountRepository;
import org.openmiles.accounts.domain.StatementRepository;

/** The member's account, locked for a change, or checked to exist for a read. */
@Dependent
class LedgerAccounts {
  @Inject AccountRepository accountRepository;
  @Inject StatementRepository statementRepository;

  Account lockOne(MemberNumber member) {
    Account a = accountRepository.lockAccounts(List.of(member)).get(member);
    if (a == null) {
      throw new MemberNotFoundException("no member " + member);
    }
    return a;
  }

  void requireMember(MemberNumber member) {
    if (statementRepository.balance(member, 0).isEmpty()) {
      throw new MemberNotFoundException("no member " + member);
    }
  }
}
