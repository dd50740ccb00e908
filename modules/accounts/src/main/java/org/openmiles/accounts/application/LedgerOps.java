package org.openmiles.accounts.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.HoldStatus;
import org.openmiles.accounts.domain.Account;
import org.openmiles.accounts.domain.EntryRepository.NewEntry;
import org.openmiles.accounts.domain.ExpiryLotRepository;
import org.openmiles.accounts.domain.ExpiryLots;
import org.openmiles.accounts.domain.HoldRepository;
import org.openmiles.accounts.domain.HoldRepository.StoredHold;

/** Ledger steps shared by the interactive service and the chunked jobs; callers hold the locks. */
final class LedgerOps {
  private static final int LOT_PAGE = 200;

  private final ExpiryLotRepository lotRepository;
  private final HoldRepository holdRepository;
  private final Clock clock;

  LedgerOps(ExpiryLotRepository lotRepository, HoldRepository holdRepository, Clock clock) {
    this.lotRepository = lotRepository;
    this.holdRepository = holdRepository;
    this.clock = clock;
  }

  /** Consumes {@code miles} from the member's lots, oldest expiry first; returns what it took. */
  List<ExpiryLots.Take> consumeLots(long memberId, long miles) {
    long left = miles;
    int offset = 0;
    List<ExpiryLots.Take> all = new ArrayList<>();
    while (left > 0) {
      List<ExpiryLots.OpenLot> page = lotRepository.openLots(memberId, LOT_PAGE, offset);
      if (page.isEmpty()) {
        throw new IllegalStateException(
            "expiry lots of member id "
                + memberId
                + " do not cover the balance: "
                + left
                + " short");
      }
      List<ExpiryLots.Take> takes = ExpiryLots.consume(page, left);
      all.addAll(takes);
      left -= ExpiryLots.total(takes);
      offset += page.size();
    }
    lotRepository.consumeLots(all);
    return all;
  }

  /**
   * Expires an active hold: its entry, the hold's new state and the account are one statement, as
   * for a capture or a release, so no reader ever sees one of them without the others (issue 16:
   * the three statements this used to be were the only hold step a reader could see apart).
   */
  void expireHold(StoredHold h, Account account) {
    account.releaseHold(h.amount());
    holdRepository.resolveHold(
        h.id(),
        HoldStatus.EXPIRED,
        0,
        clock.instant(),
        new NewEntry(
            account.memberId(),
            EntryType.HOLD_EXPIRY,
            0,
            -h.amount(),
            account.balance(),
            h.view().source().derive("expiry").value(),
            h.id(),
            LocalDate.now(clock),
            h.view().description()),
        account);
  }
}
