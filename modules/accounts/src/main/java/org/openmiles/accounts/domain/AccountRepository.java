package org.openmiles.accounts.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberStatus;

/**
 * The ledger's accounts: their rows are the locks every ledger change takes first (ADR 0023: a
 * payment, then its account), and their balance, held miles and last activity are written back once
 * per step. Set-based like the rest of the ledger (ADR 0003).
 */
public interface AccountRepository {

  /** Creates the empty account of a newly enrolled member. */
  void createAccount(long memberId);

  /** Locks the accounts of the known members among {@code members}, in member id order. */
  Map<MemberNumber, Account> lockAccounts(Collection<MemberNumber> members);

  /**
   * Locks the account of the member who has the hold with this reference, in one statement (a
   * hold's member never changes); empty if there is no such hold. Read the hold again under the
   * lock.
   */
  Optional<Account> lockAccountOfHold(String sourceRef);

  /** Writes back the balance, held miles and last activity of the accounts that changed. */
  void saveAccounts(Collection<Account> accounts);

  /** A member's status and available miles (balance minus held), in one read. */
  Optional<Spendable> spendable(MemberNumber member);

  /** {@link #spendable}. */
  record Spendable(MemberStatus status, long available) {}
}
