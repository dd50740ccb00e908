package org.openmiles.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.HoldStatus;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.events.MilesExpired;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.accounts.domain.Account;
import org.openmiles.accounts.domain.AccountRepository;
import org.openmiles.accounts.domain.EntryRepository;
import org.openmiles.accounts.domain.EntryRepository.NewEntry;
import org.openmiles.accounts.domain.ExpiryLotRepository;
import org.openmiles.accounts.domain.ExpiryLotRepository.DueMiles;
import org.openmiles.accounts.domain.ExpiryPolicy;
import org.openmiles.accounts.domain.HoldRepository;
import org.openmiles.accounts.domain.HoldRepository.DueHold;
import org.openmiles.common.tx.RetriedTransaction;

/**
 * One chunk of a ledger job, in its own transaction ({@link ChunkTransactions} begins it): a job
 * over a million members commits as it goes, holds few locks at a time (taken in member id order,
 * like every other ledger path), and after a crash simply runs again (every expiry entry has a
 * deterministic source reference).
 */
@ApplicationScoped
@Transactional // joins the transaction ChunkTransactions begins for each chunk
@RetriedTransaction // a deadlock or serialization failure runs the call again (ADR 0023)
public class LedgerChunks {

  /** {@code count} affected, {@code scanned} candidates read, {@code lastId} keyset position. */
  public record Chunk(int count, long miles, int scanned, long lastId) {}

  @Inject AccountRepository accountRepository;
  @Inject EntryRepository entryRepository;
  @Inject HoldRepository holdRepository;
  @Inject ExpiryLotRepository lotRepository;
  @Inject Event<MilesPosted> milesPosted;
  @Inject Event<MilesExpired> milesExpired;
  @Inject Clock clock;

  public ExpiryPolicy policyOn(LocalDate date) {
    return lotRepository.policyOn(date);
  }

  public Chunk expireHolds(Instant now, long afterId, int limit) {
    List<DueHold> due = holdRepository.dueHolds(now, afterId, limit);
    if (due.isEmpty()) {
      return new Chunk(0, 0, 0, afterId);
    }
    Set<MemberNumber> members =
        due.stream().map(DueHold::member).collect(Collectors.toCollection(LinkedHashSet::new));
    Map<MemberNumber, Account> accounts = accountRepository.lockAccounts(members);
    LedgerOps ops = new LedgerOps(lotRepository, holdRepository, clock);
    int expired = 0;
    for (DueHold d : due) {
      var h = holdRepository.findHold(d.sourceRef()).orElseThrow();
      if (h.status() == HoldStatus.ACTIVE && !now.isBefore(h.expiresAt())) {
        ops.expireHold(h, accounts.get(d.member())); // writes the account too
        expired++;
      }
    }
    return new Chunk(expired, 0, due.size(), due.get(due.size() - 1).id());
  }

  public Chunk expireDueLots(LocalDate asOf, long afterMemberId, int limit) {
    List<DueMiles> candidates = lotRepository.dueMiles(asOf, afterMemberId, limit);
    return expire(
        candidates,
        afterMemberId,
        asOf,
        "expiry:",
        () -> lotRepository.dueMiles(asOf, afterMemberId, limit),
        account -> true);
  }

  public Chunk expireLapsed(LocalDate asOf, ExpiryPolicy policy, long afterMemberId, int limit) {
    LocalDate lastActiveBefore = asOf.minusMonths(policy.months());
    List<DueMiles> candidates = lotRepository.lapsedMembers(lastActiveBefore, afterMemberId, limit);
    return expire(
        candidates,
        afterMemberId,
        asOf,
        "expiry-inactivity:",
        () -> lotRepository.lapsedMembers(lastActiveBefore, afterMemberId, limit),
        account -> policy.lapsed(account.lastActivity(), asOf));
  }

  private Chunk expire(
      List<DueMiles> candidates,
      long afterMemberId,
      LocalDate asOf,
      String refPrefix,
      java.util.function.Supplier<List<DueMiles>> reread,
      java.util.function.Predicate<Account> applies) {
    if (candidates.isEmpty()) {
      return new Chunk(0, 0, 0, afterMemberId);
    }
    Map<MemberNumber, Account> accounts =
        accountRepository.lockAccounts(candidates.stream().map(DueMiles::member).toList());
    // read again under the locks: a debit may have consumed due lots in between
    List<DueMiles> due = reread.get();
    Set<String> refs =
        due.stream().map(d -> refPrefix + d.member() + ":" + asOf).collect(Collectors.toSet());
    Set<String> done = entryRepository.findEntries(refs).keySet();
    LedgerOps ops = new LedgerOps(lotRepository, holdRepository, clock);
    List<NewEntry> entries = new ArrayList<>();
    List<long[]> consumption = new ArrayList<>();
    for (DueMiles d : due) {
      Account account = accounts.get(d.member());
      String ref = refPrefix + d.member() + ":" + asOf;
      if (account == null || done.contains(ref) || !applies.test(account)) {
        continue; // not locked by this chunk, or already expired for this date
      }
      long miles = account.expire(d.due());
      if (miles > 0) {
        entries.add(
            new NewEntry(
                account.memberId(),
                EntryType.EXPIRY,
                -miles,
                0,
                account.balance(),
                ref,
                null,
                asOf,
                "Miles expired"));
        consumption.add(new long[] {account.memberId(), miles});
      }
    }
    Map<String, Long> ids = entryRepository.insertEntries(entries);
    consumption.forEach(c -> ops.consumeLots(c[0], c[1]));
    accountRepository.saveAccounts(accounts.values());
    long miles = 0;
    List<MilesPosted.Entry> facts = new ArrayList<>();
    List<MilesExpired.Expired> expired = new ArrayList<>();
    String reason = refPrefix.startsWith("expiry-inactivity") ? "INACTIVITY" : "FIXED_TERM";
    for (NewEntry e : entries) {
      miles += -e.amount();
      MemberNumber member =
          accounts.values().stream()
              .filter(a -> a.memberId() == e.memberId())
              .findFirst()
              .orElseThrow()
              .number();
      facts.add(
          new MilesPosted.Entry(
              ids.get(e.sourceRef()), member, EntryType.EXPIRY, e.amount(), e.sourceRef(), asOf));
      expired.add(new MilesExpired.Expired(ids.get(e.sourceRef()), member, -e.amount(), reason));
    }
    if (!facts.isEmpty()) {
      milesPosted.fire(new MilesPosted(facts));
      milesExpired.fire(new MilesExpired(asOf, expired));
    }
    return new Chunk(
        entries.size(), miles, candidates.size(), candidates.get(candidates.size() - 1).memberId());
  }
}
