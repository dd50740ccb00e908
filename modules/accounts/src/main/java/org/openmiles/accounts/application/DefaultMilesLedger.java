package org.openmiles.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.BatchResult;
import org.openmiles.accounts.api.CaptureExceedsHoldException;
import org.openmiles.accounts.api.CaptureHold;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.ExpiryExtension;
import org.openmiles.accounts.api.ExpiryRunResult;
import org.openmiles.accounts.api.ExtendExpiry;
import org.openmiles.accounts.api.HoldAlreadyResolvedException;
import org.openmiles.accounts.api.HoldExpiredException;
import org.openmiles.accounts.api.HoldNotFoundException;
import org.openmiles.accounts.api.HoldStatus;
import org.openmiles.accounts.api.HoldView;
import org.openmiles.accounts.api.MemberNotActiveException;
import org.openmiles.accounts.api.MemberNotFoundException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.NoExpiringMilesException;
import org.openmiles.accounts.api.PlaceHold;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.PostingResult;
import org.openmiles.accounts.api.RejectedPosting;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accounts.api.SourceReferenceConflictException;
import org.openmiles.accounts.api.StatementPage;
import org.openmiles.accounts.api.StatementQuery;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.accounts.domain.Account;
import org.openmiles.accounts.domain.ExpiryLots;
import org.openmiles.accounts.domain.ExpiryPolicy;
import org.openmiles.accounts.domain.LedgerRepository;
import org.openmiles.accounts.domain.LedgerRepository.DatedLot;
import org.openmiles.accounts.domain.LedgerRepository.NewEntry;
import org.openmiles.accounts.domain.LedgerRepository.NewLot;
import org.openmiles.accounts.domain.LedgerRepository.PooledCredit;
import org.openmiles.accounts.domain.LedgerRepository.StoredEntry;
import org.openmiles.accounts.domain.LedgerRepository.StoredHold;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.tx.RetriedTransaction;

/**
 * The miles ledger. Each public method is one transaction: lock the accounts involved, check,
 * append entries, adjust lots and balances, fire {@link MilesPosted}. Nothing is written before
 * every check of a posting has passed, so a refusal leaves no trace.
 */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the call again (ADR 0023)
public class DefaultMilesLedger implements MilesLedger {
  private static final Logger LOG = Logger.getLogger(DefaultMilesLedger.class.getName());
  static final int JOB_CHUNK = 500;

  @Inject LedgerRepository repository;
  @Inject Event<MilesPosted> milesPosted;
  @Inject Clock clock;
  @Inject LedgerChunks chunks;
  @jakarta.ejb.EJB ChunkTransactions chunkTx;

  @Override
  public PostingResult post(PostMiles posting) {
    Objects.requireNonNull(posting, "posting");
    Work work = new Work(List.of(posting), true);
    work.run();
    return work.results.get(0);
  }

  @Override
  public BatchResult postBatch(List<PostMiles> postings) {
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
      Map<MemberNumber, Account> accounts = repository.lockAccounts(members);
      Map<String, StoredEntry> existing = repository.findEntries(refs);
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

      Map<String, Long> ids = repository.insertEntries(entries);
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
            policy = repository.policyOn(LocalDate.now(clock));
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
      repository.insertLots(lots);
      repository.addToPooledLots(pooled);
      List<ExpiryLots.Take> taken = new ArrayList<>();
      debits.forEach(
          (member, miles) ->
              taken.addAll(ops().consumeLots(accounts.get(member).memberId(), miles)));
      repository.saveAccounts(accounts.values());
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
        repository.lotExpiries(takes.stream().map(ExpiryLots.Take::lotId).toList());
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

  // --- holds

  @Override
  public HoldView placeHold(PlaceHold hold) {
    Account account = lockOne(hold.member());
    String ref = hold.source().value();
    var use = repository.refUse(ref); // read under the lock: sees a hold placed meanwhile
    var existing = use.hold();
    if (existing.isPresent()) {
      StoredHold h = existing.get();
      if (!h.member().equals(hold.member()) || h.amount() != hold.miles()) {
        throw new SourceReferenceConflictException(
            "hold reference "
                + ref
                + " was already used for "
                + h.amount()
                + " miles of member "
                + h.member());
      }
      return h.view();
    }
    if (use.entry()) {
      throw new SourceReferenceConflictException(
          "source reference " + ref + " is already used by a posting");
    }
    account.placeHold(hold.miles());
    Instant now = now();
    Instant expiresAt = now.plus(hold.ttl());
    // the hold, its entry and the account in one statement
    long id =
        repository.insertHold(
            ref,
            hold.miles(),
            hold.description(),
            now,
            expiresAt,
            new NewEntry(
                account.memberId(),
                EntryType.HOLD,
                0,
                hold.miles(),
                account.balance(),
                ref,
                null,
                LocalDate.now(clock),
                hold.description()),
            account);
    // what a read of the new row would give (times in the database's precision)
    return new HoldView(
        id,
        hold.member(),
        hold.source(),
        hold.miles(),
        0,
        HoldStatus.ACTIVE,
        hold.description(),
        now,
        expiresAt,
        null);
  }

  @Override
  @Transactional(dontRollbackOn = HoldExpiredException.class) // the expiry itself must commit
  public HoldView captureHold(CaptureHold capture) {
    Account account = lockHoldAccount(capture.hold());
    StoredHold h = findHoldOrThrow(capture.hold()); // read under the lock
    if (h.status() == HoldStatus.CAPTURED && h.captured() == capture.miles()) {
      return h.view(); // a retried capture
    }
    if (h.status() == HoldStatus.EXPIRED) {
      throw new HoldExpiredException(
          "hold "
              + capture.hold()
              + " expired at "
              + h.expiresAt()
              + " before it was captured; its miles are available again");
    }
    requireActive(h);
    if (!clock.instant().isBefore(h.expiresAt())) {
      ops().expireHold(h, account); // writes the account too
      throw new HoldExpiredException(
          "hold "
              + capture.hold()
              + " expired at "
              + h.expiresAt()
              + " before it was captured; its miles are available again");
    }
    if (capture.miles() > h.amount()) {
      throw new CaptureExceedsHoldException(
          "hold "
              + capture.hold()
              + " sets aside "
              + h.amount()
              + " miles; cannot capture "
              + capture.miles());
    }
    LocalDate today = LocalDate.now(clock);
    long balanceAfter = account.captureHold(h.amount(), capture.miles(), today);
    String ref = capture.hold().derive("capture").value();
    ops().consumeLots(account.memberId(), capture.miles());
    Instant resolvedAt = now();
    // the entry, the hold's new state and the account in one statement
    long entryId =
        repository.resolveHold(
            h.id(),
            HoldStatus.CAPTURED,
            capture.miles(),
            resolvedAt,
            new NewEntry(
                account.memberId(),
                EntryType.HOLD_CAPTURE,
                -capture.miles(),
                -h.amount(),
                balanceAfter,
                ref,
                h.id(),
                today,
                h.view().description()),
            account);
    milesPosted.fire(
        new MilesPosted(
            List.of(
                new MilesPosted.Entry(
                    entryId, h.member(), EntryType.HOLD_CAPTURE, -capture.miles(), ref, today))));
    return resolved(h, HoldStatus.CAPTURED, capture.miles(), resolvedAt);
  }

  @Override
  public HoldView releaseHold(SourceReference holdRef) {
    Account account = lockHoldAccount(holdRef);
    StoredHold h = findHoldOrThrow(holdRef); // read under the lock
    if (h.status() == HoldStatus.RELEASED) {
      return h.view(); // a retried release
    }
    requireActive(h);
    account.releaseHold(h.amount());
    Instant resolvedAt = now();
    repository.resolveHold(
        h.id(),
        HoldStatus.RELEASED,
        0,
        resolvedAt,
        new NewEntry(
            account.memberId(),
            EntryType.HOLD_RELEASE,
            0,
            -h.amount(),
            account.balance(),
            holdRef.derive("release").value(),
            h.id(),
            LocalDate.now(clock),
            h.view().description()),
        account);
    return resolved(h, HoldStatus.RELEASED, 0, resolvedAt);
  }

  /** The hold as a read after resolving it would give, without the read. */
  private static HoldView resolved(StoredHold h, HoldStatus status, long captured, Instant at) {
    HoldView v = h.view();
    return new HoldView(
        v.id(),
        v.member(),
        v.source(),
        v.miles(),
        captured,
        status,
        v.description(),
        v.createdAt(),
        v.expiresAt(),
        at);
  }

  /** Now, in the database's precision (timestamps keep microseconds), so views equal reads. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  private LedgerOps ops() {
    return new LedgerOps(repository, clock);
  }

  private static void requireActive(StoredHold h) {
    if (h.status() != HoldStatus.ACTIVE) {
      throw new HoldAlreadyResolvedException(
          "hold " + h.view().source() + " is already " + h.status() + "; a hold resolves once");
    }
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public HoldView hold(SourceReference hold) {
    return findHoldOrThrow(hold).view();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<HoldView> holds(MemberNumber member, boolean activeOnly) {
    requireMember(member);
    return repository.holds(member, activeOnly, 200);
  }

  private StoredHold findHoldOrThrow(SourceReference ref) {
    return repository
        .findHold(ref.value())
        .orElseThrow(() -> new HoldNotFoundException("no hold with reference " + ref));
  }

  /** The account of the hold's member, locked (found through the hold in one statement). */
  private Account lockHoldAccount(SourceReference ref) {
    return repository
        .lockAccountOfHold(ref.value())
        .orElseThrow(() -> new HoldNotFoundException("no hold with reference " + ref));
  }

  Account lockOne(MemberNumber member) {
    Account a = repository.lockAccounts(List.of(member)).get(member);
    if (a == null) {
      throw new MemberNotFoundException("no member " + member);
    }
    return a;
  }

  // --- reads

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public BalanceView balance(MemberNumber member) {
    return repository
        .balance(member, 3)
        .orElseThrow(() -> new MemberNotFoundException("no member " + member));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public long spendable(MemberNumber member) {
    var s =
        repository
            .spendable(member)
            .orElseThrow(() -> new MemberNotFoundException("no member " + member));
    if (!s.status().maySpend()) {
      throw new MemberNotActiveException(
          "member " + member + " is " + s.status() + " and cannot pay with miles");
    }
    return s.available();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public StatementPage statement(StatementQuery q) {
    requireMember(q.member());
    Long before = StatementCursor.decode(q.cursor());
    var rows = repository.statement(q.member(), q.from(), q.to(), q.types(), before, q.limit() + 1);
    boolean more = rows.size() > q.limit();
    var page = more ? rows.subList(0, q.limit()) : rows;
    return new StatementPage(
        page, more ? StatementCursor.encode(page.get(page.size() - 1).id()) : null);
  }

  private void requireMember(MemberNumber member) {
    if (repository.balance(member, 0).isEmpty()) {
      throw new MemberNotFoundException("no member " + member);
    }
  }

  // --- expiry extension and the expiring-miles list

  @Override
  public ExpiryExtension extendExpiry(ExtendExpiry ext) {
    Objects.requireNonNull(ext, "extension");
    Account account = lockOne(ext.member());
    String ref = ext.source().value();
    StoredEntry before = repository.findEntries(List.of(ref)).get(ref);
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
    List<DatedLot> lots = repository.datedLots(account.memberId(), today, 1000);
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
        repository.insertEntries(
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
    repository.consumeLots(takes);
    List<NewLot> newLots = new ArrayList<>();
    List<ExpiryExtension.Move> moves = new ArrayList<>();
    moved.forEach(
        (from, m) -> {
          LocalDate to = from.plusMonths(ext.months());
          newLots.add(new NewLot(account.memberId(), entryId, to, m));
          moves.add(new ExpiryExtension.Move(from, to, m));
        });
    repository.insertLots(newLots);
    return new ExpiryExtension(entryId, ext.member(), ext.source(), miles, moves, false);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public ExpiringMilesPage expiringMiles(
      LocalDate from, LocalDate to, MemberNumber after, int limit) {
    if (to.isBefore(from) || limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("need from <= to and 1 <= limit <= 1000");
    }
    ExpiryPolicy policy = repository.policyOn(to);
    var rows =
        repository.expiringMembers(
            from,
            to,
            policy.kind() == ExpiryPolicy.Kind.INACTIVITY ? policy : null,
            after == null ? null : after.value(),
            limit + 1);
    boolean more = rows.size() > limit;
    var page = more ? rows.subList(0, limit) : rows;
    return new ExpiringMilesPage(page, more ? page.get(page.size() - 1).member() : null);
  }

  // --- jobs: chunked, each chunk its own transaction (see LedgerChunks)

  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public int expireHolds(Instant now) {
    int total = 0;
    long after = 0;
    while (true) {
      long from = after;
      LedgerChunks.Chunk c =
          chunkTx.inNewTransaction(() -> chunks.expireHolds(now, from, JOB_CHUNK));
      total += c.count();
      if (c.scanned() < JOB_CHUNK) {
        break;
      }
      after = c.lastId();
    }
    int expired = total;
    if (expired > 0) {
      LOG.info(() -> "hold expiry as of " + now + ": " + expired + " holds expired");
    }
    return total;
  }

  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public ExpiryRunResult expireMiles(LocalDate asOf) {
    int members = 0;
    long miles = 0;
    ExpiryPolicy policy = chunks.policyOn(asOf);
    for (boolean lapsedPass : new boolean[] {false, true}) {
      if (lapsedPass && policy.kind() != ExpiryPolicy.Kind.INACTIVITY) {
        continue;
      }
      long after = 0;
      while (true) {
        long from = after;
        LedgerChunks.Chunk c =
            chunkTx.inNewTransaction(
                () ->
                    lapsedPass
                        ? chunks.expireLapsed(asOf, policy, from, JOB_CHUNK)
                        : chunks.expireDueLots(asOf, from, JOB_CHUNK));
        members += c.count();
        miles += c.miles();
        if (c.scanned() < JOB_CHUNK) {
          break;
        }
        after = c.lastId();
      }
    }
    ExpiryRunResult r = new ExpiryRunResult(asOf, members, miles);
    LOG.info(
        () ->
            "miles expiry as of "
                + asOf
                + ": "
                + r.milesExpired()
                + " miles from "
                + r.membersAffected()
                + " members");
    return r;
  }
}
