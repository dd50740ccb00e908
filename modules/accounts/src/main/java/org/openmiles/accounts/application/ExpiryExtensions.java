package org.openmiles.accounts.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.ExpiryExtension;
import org.openmiles.accounts.api.ExtendExpiry;
import org.openmiles.accounts.api.MemberNotActiveException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.NoExpiringMilesException;
import org.openmiles.accounts.api.SourceReferenceConflictException;
import org.openmiles.accounts.domain.Account;
import org.openmiles.accounts.domain.EntryRepository;
import org.openmiles.accounts.domain.EntryRepository.NewEntry;
import org.openmiles.accounts.domain.EntryRepository.StoredEntry;
import org.openmiles.accounts.domain.ExpiryLotRepository;
import org.openmiles.accounts.domain.ExpiryLotRepository.DatedLot;
import org.openmiles.accounts.domain.ExpiryLotRepository.NewLot;
import org.openmiles.accounts.domain.ExpiryLots;
import org.openmiles.accounts.domain.ExpiryPolicy;

/**
 * Extending the expiry of a member's soonest-expiring miles (a paid service), and the list of
 * members whose miles expire in a period. Runs in the transaction of {@link DefaultMilesLedger}.
 */
@Dependent
class ExpiryExtensions {
  @Inject EntryRepository entryRepository;
  @Inject ExpiryLotRepository lotRepository;
  @Inject Clock clock;
  @Inject LedgerAccounts accounts;

  ExpiryExtension extendExpiry(ExtendExpiry ext) {
    Objects.requireNonNull(ext, "extension");
    Account account = accounts.lockOne(ext.member());
    String ref = ext.source().value();
    StoredEntry before = entryRepository.findEntries(List.of(ref)).get(ref);
    if (before != null) {
      if (before.type() != EntryType.EXTENSION || !before.member().equals(ext.member())) {
        throw new SourceReferenceConflictException(
            "source reference " + ref + " was already used for another posting");
      }
      return new ExpiryExtension(before.id(), ext.member(), ext.source(), 0, List.of(), true);
    }
    if (!account.status().maySpend()) {
      throw new MemberNotActiveException(
          "member " + ext.member() + " is " + account.status() + " and cannot extend miles");
    }
    LocalDate today = LocalDate.now(clock);
    List<DatedLot> lots = lotRepository.datedLots(account.memberId(), today, 1000);
    List<ExpiryLots.Take> takes = new ArrayList<>();
    Map<LocalDate, Long> moved = new java.util.TreeMap<>();
    long left = ext.miles();
    for (DatedLot lot : lots) {
      if (left == 0) {
        break;
      }
      long take = Math.min(left, lot.remaining());
      takes.add(new ExpiryLots.Take(lot.id(), take));
      moved.merge(lot.expiresOn(), take, Long::sum);
      left -= take;
    }
    if (takes.isEmpty()) {
      throw new NoExpiringMilesException(
          "member " + ext.member() + " has no miles with an expiry date to extend");
    }
    long miles = ext.miles() - left;
    Map<String, Long> ids =
        entryRepository.insertEntries(
            List.of(
                new NewEntry(
                    account.memberId(),
                    EntryType.EXTENSION,
                    0,
                    0,
                    account.balance(),
                    ref,
                    null,
                    today,
                    ext.description())));
    long entryId = ids.get(ref);
    lotRepository.consumeLots(takes);
    List<NewLot> newLots = new ArrayList<>();
    List<ExpiryExtension.Move> moves = new ArrayList<>();
    moved.forEach(
        (from, m) -> {
          LocalDate to = from.plusMonths(ext.months());
          newLots.add(new NewLot(account.memberId(), entryId, to, m));
          moves.add(new ExpiryExtension.Move(from, to, m));
        });
    lotRepository.insertLots(newLots);
    return new ExpiryExtension(entryId, ext.member(), ext.source(), miles, moves, false);
  }

  ExpiringMilesPage expiringMiles(LocalDate from, LocalDate to, MemberNumber after, int limit) {
    if (to.isBefore(from) || limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("need from <= to and 1 <= limit <= 1000");
    }
    ExpiryPolicy policy = lotRepository.policyOn(to);
    var rows =
        lotRepository.expiringMembers(
            from,
            to,
            policy.kind() == ExpiryPolicy.Kind.INACTIVITY ? policy : null,
            after == null ? null : after.value(),
            limit + 1);
    boolean more = rows.size() > limit;
    var page = more ? rows.subList(0, limit) : rows;
    return new ExpiringMilesPage(page, more ? page.get(page.size() - 1).member() : null);
  }
}
