package org.openmiles.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.BatchResult;
import org.openmiles.accounts.api.CaptureHold;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.ExpiryExtension;
import org.openmiles.accounts.api.ExpiryRunResult;
import org.openmiles.accounts.api.ExtendExpiry;
import org.openmiles.accounts.api.HoldExpiredException;
import org.openmiles.accounts.api.HoldView;
import org.openmiles.accounts.api.MemberNotActiveException;
import org.openmiles.accounts.api.MemberNotFoundException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PlaceHold;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.PostingResult;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accounts.api.StatementPage;
import org.openmiles.accounts.api.StatementQuery;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.accounts.domain.AccountRepository;
import org.openmiles.accounts.domain.StatementRepository;
import org.openmiles.common.tx.RetriedTransaction;

/**
 * The miles ledger. Each public method is one transaction: lock the accounts involved, check,
 * append entries, adjust lots and balances, fire {@link MilesPosted}. Nothing is written before
 * every check of a posting has passed, so a refusal leaves no trace.
 *
 * <p>This class is the transaction boundary (and its retry, ADR 0023) and nothing else: postings
 * are {@link LedgerPostings}, holds {@link LedgerHolds}, expiry extension {@link ExpiryExtensions},
 * the jobs {@link LedgerJobs}; they are plain beans without interceptors, so every call runs in the
 * one transaction this class's annotations say, as before the split.
 */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the call again (ADR 0023)
public class DefaultMilesLedger implements MilesLedger {
  @Inject AccountRepository accountRepository;
  @Inject StatementRepository statementRepository;
  @Inject LedgerAccounts accounts;
  @Inject LedgerPostings postings;
  @Inject LedgerHolds holds;
  @Inject ExpiryExtensions extensions;
  @Inject LedgerJobs jobs;

  @Override
  public PostingResult post(PostMiles posting) {
    return postings.post(posting);
  }

  @Override
  public BatchResult postBatch(List<PostMiles> batch) {
    return postings.postBatch(batch);
  }

  // --- holds

  @Override
  public HoldView placeHold(PlaceHold hold) {
    return holds.placeHold(hold);
  }

  @Override
  @Transactional(dontRollbackOn = HoldExpiredException.class) // the expiry itself must commit
  public HoldView captureHold(CaptureHold capture) {
    return holds.captureHold(capture);
  }

  @Override
  public HoldView releaseHold(SourceReference holdRef) {
    return holds.releaseHold(holdRef);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public HoldView hold(SourceReference hold) {
    return holds.hold(hold);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<HoldView> holds(MemberNumber member, boolean activeOnly) {
    return holds.holds(member, activeOnly);
  }

  // --- reads

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public BalanceView balance(MemberNumber member) {
    return statementRepository
        .balance(member, 3)
        .orElseThrow(() -> new MemberNotFoundException("no member " + member));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public long spendable(MemberNumber member) {
    var s =
        accountRepository
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
    accounts.requireMember(q.member());
    Long before = StatementCursor.decode(q.cursor());
    var rows =
        statementRepository.statement(
            q.member(), q.from(), q.to(), q.types(), before, q.limit() + 1);
    boolean more = rows.size() > q.limit();
    var page = more ? rows.subList(0, q.limit()) : rows;
    return new StatementPage(
        page, more ? StatementCursor.encode(page.get(page.size() - 1).id()) : null);
  }

  // --- expiry extension and the expiring-miles list

  @Override
  public ExpiryExtension extendExpiry(ExtendExpiry ext) {
    return extensions.extendExpiry(ext);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public ExpiringMilesPage expiringMiles(
      LocalDate from, LocalDate to, MemberNumber after, int limit) {
    return extensions.expiringMiles(from, to, after, limit);
  }

  // --- jobs: chunked, each chunk its own transaction (see LedgerChunks)

  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public int expireHolds(Instant now) {
    return jobs.expireHolds(now);
  }

  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public ExpiryRunResult expireMiles(LocalDate asOf) {
    return jobs.expireMiles(asOf);
  }
}
