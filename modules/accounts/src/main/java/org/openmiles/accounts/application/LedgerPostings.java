package org.openmiles.accounts.application;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.BatchResult;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNotFoundException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.PostingResult;
import org.openmiles.accounts.api.RejectedPosting;
import org.openmiles.accounts.api.SourceReferenceConflictException;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.accounts.domain.Account;
import org.openmiles.accounts.domain.AccountRepository;
import org.openmiles.accounts.domain.EntryRepository;
import org.openmiles.accounts.domain.EntryRepository.NewEntry;
import org.openmiles.accounts.domain.EntryRepository.StoredEntry;
import org.openmiles.accounts.domain.ExpiryLotRepository;
import org.openmiles.accounts.domain.ExpiryLotRepository.NewLot;
import org.openmiles.accounts.domain.ExpiryLotRepository.PooledCredit;
import org.openmiles.accounts.domain.ExpiryLots;
import org.openmiles.accounts.domain.ExpiryPolicy;
import org.openmiles.accounts.domain.HoldRepository;
import org.openmiles.common.OpenMilesException;

/**
 * Postings to the ledger, one or a batch: lock the members' accounts, find earlier postings of the
 * same source references (a retry is answered with the first result), check, append the entries,
 * adjust lots and balances, fire {@link MilesPosted}. Runs in the transaction of {@link
 * DefaultMilesLedger}.
 */
@Dependent
class LedgerPostings {
  @Inject AccountRepository accountRepository;
  @Inject EntryRepository entryRepository;
  @Inject HoldRepository holdRepository;
  @Inject ExpiryLotRepository lotRepository;
  @Inject Event<MilesPosted> milesPosted;
  @Inject Clock clock;

  PostingResult post(PostMiles posting) {
    Objects.requireNonNull(posting, "posting");
    Work work = new Work(List.of(posting), true);
    work.run();
    return work.results.get(0);
  }

  BatchResult postBatch(List<PostMiles> postings) {
    Objects.requireNonNull(postings, "postings");
    if (postings.isEmpty()) {
      return new BatchResult(List.of(), List.of(), List.of());
    }
    Work work = new Work(postings, false);
    work.run();
    return new BatchResult(work.posted, work.replayed, work.rejected);
  }

  /** One posting call: single (strict: refusals throw) or batch (refusals are reported). */
  private final class Work {
    final List<PostMiles> postings;
    final boolean strict;
    final List<PostingResult> results = new ArrayList<>();
    final List<PostingResult> posted = new ArrayList<>();
    final List<PostingResult> replayed = new ArrayList<>();
    final List<RejectedPosting> rejected = new ArrayList<>();

    Work(List<PostMiles> postings, boolean strict) {
      this.postings = postings;
      this.strict = strict;
    }

    void run() {
      Set<MemberNumber> members = new LinkedHashSet<>();
      Set<String> refs = new LinkedHashSet<>();
      for (PostMiles p : postings) {
        members.add(p.member());
        refs.add(p.source().value());
      }
      // lock first, then look for earlier postings: a concurrent post of the same reference for the
      // same member has either committed (we see it) or waits for our lock
      Map<MemberNumber, Account> accounts = accountRepository.lockAccounts(members);
      Map<String, StoredEntry> existing = entryRepository.findEntries(refs);
      Map<String, PostMiles> inThisBatch = new HashMap<>();
      Map<String, Integer> firstIndex = new HashMap<>();
      Map<String, PostingResult> resultByRef = new HashMap<>();
      List<NewEntry> entries = new ArrayList<>();
      List<PostMiles> accepted = new ArrayList<>();

      for (int i = 0; i < postings.size(); i++) {
        PostMiles p = postings.get(i);
        String ref = p.source().value();
        try {
          StoredEntry before = existing.get(ref);
          if (before != null) {
            requireSame(p, before.member(), before.type(), before.amount());
            PostingResult r =
                new PostingResult(
                    before.id(),
                    before.member(),
                    before.type(),
                    before.amount(),
                    p.source(),
                    before.balanceAfter(),
                    true);
            replayed.add(r);
            results.add(r);
            continue;
          }
          PostMiles twin = inThisBatch.get(ref);
          if (twin != null) {
            requireSame(p, twin.member(), twin.type(), twin.miles());
            results.add(null); // resolved to the twin's result below
            continue;
          }
          Account account = accounts.get(p.member());
          if (account == null) {
            throw new MemberNotFoundException("no member " + p.member());
          }
          long balanceAfter = account.post(p.type(), p.miles(), p.activityDate());
          inThisBatch.put(ref, p);
          firstIndex.put(ref, i);
          accepted.add(p);
          entries.add(
              new NewEntry(
                  account.memberId(),
                  p.type(),
                  p.miles(),
                  0,
                  balanceAfter,
                  ref,
                  null,
                  p.activityDate(),
                  p.description(),
                  p.qualifying()));
          results.add(null);
        } catch (OpenMilesException e) {
          if (strict) {
            throw e;
          }
          rejected.add(new RejectedPosting(i, p, e.code(), e.getMessage()));
          results.add(null);
        }
      }

      Map<String, Long> ids = entryRepository.insertEntries(entries);
      List<NewLot> lots = new ArrayList<>();
      List<PooledCredit> pooled = new ArrayList<>();
      Map<MemberNumber, Long> debits = new HashMap<>();
      ExpiryPolicy policy = null;
      List<MilesPosted.Entry> facts = new ArrayList<>();
      for (int k = 0; k < entries.size(); k++) {
        NewEntry e = entries.get(k);
        PostMiles p = accepted.get(k);
        long id = ids.get(e.sourceRef());
        if (e.amount() > 0) {
          if (policy == null) {
            policy = lotRepository.policyOn(LocalDate.now(clock));
          }
          if (p.expiresOn() != null) { // its own lot, tied to the entry (a redeposit, ADR 0012)
            lots.add(new NewLot(e.memberId(), id, p.expiresOn(), e.amount()));
          } else {
            pooled.add(
                new PooledCredit(e.memberId(), policy.lotExpiry(e.activityDate()), e.amount()));
          }
        } else {
          debits.merge(p.member(), -e.amount(), Long::sum);
        }
        PostingResult r =
            new PostingResult(
                id, p.member(), p.type(), p.miles(), p.source(), e.balanceAfter(), false);
        posted.add(r);
        resultByRef.put(e.sourceRef(), r);
        facts.add(
            new MilesPosted.Entry(
                id,
                p.member(),
                p.type(),
                p.miles(),
                e.sourceRef(),
                e.activityDate(),
                p.qualifying()));
      }
      lotRepository.insertLots(lots);
      lotRepository.addToPooledLots(pooled);
      List<ExpiryLots.Take> taken = new ArrayList<>();
      debits.forEach(
          (member, miles) ->
              taken.addAll(ops().consumeLots(accounts.get(member).memberId(), miles)));
      accountRepository.saveAccounts(accounts.values());
      if (strict && posted.size() == 1 && posted.get(0).miles() < 0) {
        PostingResult r = posted.get(0).withLotsConsumed(byExpiry(taken));
        posted.set(0, r);
        resultByRef.put(r.source().value(), r);
      }
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i) == null) {
          PostingResult r = resultByRef.get(postings.get(i).source().value());
          if (r != null && i != firstIndex.get(r.source().value())) {
            r = r.asReplay();
            replayed.add(r);
          }
          results.set(i, r);
        }
      }
      if (!facts.isEmpty()) {
        milesPosted.fire(new MilesPosted(facts));
      }
    }
  }

  /** Miles taken per expiry date, soonest first. */
  private List<BalanceView.ExpiringMiles> byExpiry(List<ExpiryLots.Take> takes) {
    Map<Long, LocalDate> expiries =
        lotRepository.lotExpiries(takes.stream().map(ExpiryLots.Take::lotId).toList());
    Map<LocalDate, Long> miles = new java.util.TreeMap<>();
    takes.forEach(t -> miles.merge(expiries.get(t.lotId()), t.miles(), Long::sum));
    return miles.entrySet().stream()
        .map(e -> new BalanceView.ExpiringMiles(e.getKey(), e.getValue()))
        .toList();
  }

  private static void requireSame(PostMiles p, MemberNumber member, EntryType type, long amount) {
    if (!p.member().equals(member) || p.type() != type || p.miles() != amount) {
      throw new SourceReferenceConflictException(
          "source reference "
              + p.source()
              + " was already used for "
              + type
              + " "
              + amount
              + " miles to member "
              + member
              + "; a retry must repeat the same posting");
    }
  }

  private LedgerOps ops() {
    return new LedgerOps(lotRepository, holdRepository, clock);
  }
}
