package org.openmiles.accounts.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.LedgerEntryView;
import org.openmiles.accounts.api.MemberNumber;

/** What a member reads of the ledger: the balance with its soonest expiries, and the statement. */
public interface StatementRepository {

  Optional<BalanceView> balance(MemberNumber member, int expiringLots);

  List<LedgerEntryView> statement(
      MemberNumber member,
      LocalDate from,
      LocalDate to,
      Set<EntryType> types,
      Long beforeId,
      int limit);
}
