package org.openmiles.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.openmiles.accounts.api.BalanceView.ExpiringMiles;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberMerges;
import org.openmiles.accounts.api.MemberNotFoundException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.MergeMembers;
import org.openmiles.accounts.api.MergeRefusedException;
import org.openmiles.accounts.api.MergeView;
import org.openmiles.accounts.api.events.MemberStatusChanged;
import org.openmiles.accounts.api.events.MembersMerged;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.accounts.domain.Account;
import org.openmiles.accounts.domain.AccountRepository;
import org.openmiles.accounts.domain.EntryRepository;
import org.openmiles.accounts.domain.EntryRepository.NewEntry;
import org.openmiles.accounts.domain.ExpiryLotRepository;
import org.openmiles.accounts.domain.ExpiryLotRepository.NewLot;
import org.openmiles.accounts.domain.ExpiryLots;
import org.openmiles.accounts.domain.ExpiryPolicy;
import org.openmiles.accounts.domain.HoldRepository;
import org.openmiles.accounts.domain.Member;
import org.openmiles.accounts.domain.MemberRepository;
import org.openmiles.accounts.domain.MemberRepository.MergeRecord;
import org.openmiles.accounts.domain.StatementRepository;
import org.openmiles.common.tx.RetriedTransaction;

/**
 * Merges a duplicate member into its survivor in one transaction (ADR 0019). Both accounts are
 * locked in member id order (as every ledger call does), so a posting to either waits for the merge
 * or is seen by it. The duplicate's lots are consumed whole and re-created for the survivor with
 * their dates, under one MERGE_OUT and one MERGE_IN entry whose references ({@code
 * merge:<duplicate>#out}, {@code #in}) no caller can choose; the duplicate is then closed with a
 * pointer to the survivor. A second merge of the same pair finds the record and changes nothing.
 */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the call again (ADR 0023)
public class DefaultMemberMerges implements MemberMerges {
  private static final Logger LOG = Logger.getLogger(DefaultMemberMerges.class.getName());

  @Inject MemberRepository members;
  @Inject AccountRepository accountRepository;
  @Inject EntryRepository entryRepository;
  @Inject HoldRepository holdRepository;
  @Inject ExpiryLotRepository lotRepository;
  @Inject StatementRepository statementRepository;
  @Inject Clock clock;
  @Inject Event<MilesPosted> milesPosted;
  @Inject Event<MembersMerged> merged;
  @Inject Event<MemberStatusChanged> statusChanged;

  @Override
  public MergeView merge(MergeMembers command) {
    MemberNumber survivorNo = command.survivor();
    MemberNumber duplicateNo = command.duplicate();
    Map<MemberNumber, Account> accounts =
        accountRepository.lockAccounts(List.of(survivorNo, duplicateNo));
    Member duplicate = load(duplicateNo);
    Member survivor = load(survivorNo);
    Optional<MergeRecord> earlier = members.findMerge(duplicateNo);
    if (earlier.isPresent() && earlier.get().survivor().equals(survivorNo)) {
      return view(earlier.get(), true);
    }
    Optional<String> refusal = refusal(survivor, duplicate, accounts.get(duplicateNo));
    if (refusal.isPresent()) {
      throw new MergeRefusedException(refusal.get());
    }
    Account from = accounts.get(duplicateNo);
    Account to = accounts.get(survivorNo);
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    String text = "Merge of duplicate " + duplicateNo + " into " + survivorNo;
    List<ExpiringMiles> lots = List.of();
    long miles = from.mergeOut();
    if (miles > 0) {
      List<ExpiryLots.Take> takes =
          new LedgerOps(lotRepository, holdRepository, clock).consumeLots(from.memberId(), miles);
      Map<Long, LocalDate> expiries =
          lotRepository.lotExpiries(takes.stream().map(ExpiryLots.Take::lotId).toList());
      Map<LocalDate, Long> byDate = new TreeMap<>();
      takes.forEach(t -> byDate.merge(expiries.get(t.lotId()), t.miles(), Long::sum));
      long balanceAfter = to.mergeIn(miles, from.lastActivity());
      String out = outReference(duplicateNo);
      String in = inReference(duplicateNo);
      Map<String, Long> ids =
          entryRepository.insertEntries(
              List.of(
                  new NewEntry(
                      from.memberId(), EntryType.MERGE_OUT, -miles, 0, 0, out, null, today, text),
                  new NewEntry(
                      to.memberId(),
                      EntryType.MERGE_IN,
                      miles,
                      0,
                      balanceAfter,
                      in,
                      null,
                      today,
                      text)));
      List<NewLot> newLots = new ArrayList<>();
      byDate.forEach((date, m) -> newLots.add(new NewLot(to.memberId(), ids.get(in), date, m)));
      lotRepository.insertLots(newLots);
      lots = shown(byDate);
      milesPosted.fire(
          new MilesPosted(
              List.of(
                  new MilesPosted.Entry(
                      ids.get(out), duplicateNo, EntryType.MERGE_OUT, -miles, out, today),
                  new MilesPosted.Entry(
                      ids.get(in), survivorNo, EntryType.MERGE_IN, miles, in, today))));
    }
    accountRepository.saveAccounts(List.of(from, to));
    String reason = "merged into " + survivorNo + ": " + command.reason();
    MemberStatus before = duplicate.mergeInto(survivorNo, reason, now);
    members.flush();
    members.recordStatusChange(duplicate, before, reason, now);
    MergeRecord record =
        new MergeRecord(duplicateNo, survivorNo, miles, command.reason(), command.mergedBy(), now);
    members.recordMerge(record);
    if (before != MemberStatus.CLOSED) {
      statusChanged.fire(new MemberStatusChanged(duplicateNo, before, MemberStatus.CLOSED, reason));
    }
    merged.fire(new MembersMerged(survivorNo, duplicateNo, miles, now));
    long moved = miles;
    LOG.info(
        () -> "merged member " + duplicateNo + " into " + survivorNo + ": " + moved + " miles");
    return new MergeView(
        survivorNo, duplicateNo, miles, lots, command.reason(), command.mergedBy(), now, false);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> refusal(MemberNumber survivor, MemberNumber duplicate) {
    if (survivor.equals(duplicate)) {
      return Optional.of("pick two different members: a member cannot be merged into itself");
    }
    Member d = load(duplicate);
    Member s = load(survivor);
    var balance = statementRepository.balance(duplicate, 0);
    Account view =
        new Account(
            d.id(),
            duplicate,
            d.status(),
            balance.map(b -> b.balance()).orElse(0L),
            balance.map(b -> b.held()).orElse(0L),
            null);
    return refusal(s, d, view);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<MergeView> mergeOf(MemberNumber duplicate) {
    return members.findMerge(duplicate).map(m -> view(m, false));
  }

  private static Optional<String> refusal(Member survivor, Member duplicate, Account dupAccount) {
    if (duplicate.mergedInto().isPresent()) {
      return Optional.of(
          "member "
              + duplicate.number()
              + " was already merged into "
              + duplicate.mergedInto().get()
              + "; merge into that member, or pick another duplicate");
    }
    if (survivor.mergedInto().isPresent()) {
      return Optional.of(
          "member "
              + survivor.number()
              + " was itself merged into "
              + survivor.mergedInto().get()
              + "; pick "
              + survivor.mergedInto().get()
              + " as the surviving member");
    }
    if (survivor.status() == MemberStatus.CLOSED) {
      return Optional.of(
          "the surviving member "
              + survivor.number()
              + " is closed; reopen it first or pick the other member as the survivor");
    }
    if (duplicate.status() == MemberStatus.CLOSED) {
      return Optional.of(
          "the duplicate "
              + duplicate.number()
              + " is closed; a closed account has nothing left to merge");
    }
    if (dupAccount != null && dupAccount.held() > 0) {
      return Optional.of(
          "the duplicate "
              + duplicate.number()
              + " has "
              + dupAccount.held()
              + " miles on hold for a payment in progress; merge once the booking engine has"
              + " captured or voided it (or the hold has expired)");
    }
    return Optional.empty();
  }

  private MergeView view(MergeRecord m, boolean replayed) {
    List<ExpiringMiles> lots = List.of();
    var in =
        entryRepository
            .findEntries(List.of(inReference(m.duplicate())))
            .get(inReference(m.duplicate()));
    if (in != null) {
      Map<LocalDate, Long> byDate = new TreeMap<>();
      lotRepository.lotsCreatedBy(in.id()).forEach(l -> byDate.put(l.expiresOn(), l.miles()));
      lots = shown(byDate);
    }
    return new MergeView(
        m.survivor(),
        m.duplicate(),
        m.miles(),
        lots,
        m.reason(),
        m.mergedBy(),
        m.mergedAt(),
        replayed);
  }

  /** Lots by date for people: miles without a date of their own (inactivity policy) have none. */
  private static List<ExpiringMiles> shown(Map<LocalDate, Long> byDate) {
    List<ExpiringMiles> out = new ArrayList<>();
    byDate.forEach(
        (d, m) -> out.add(new ExpiringMiles(ExpiryPolicy.NEVER.equals(d) ? null : d, m)));
    return out;
  }

  static String outReference(MemberNumber duplicate) {
    return "merge:" + duplicate + "#out";
  }

  static String inReference(MemberNumber duplicate) {
    return "merge:" + duplicate + "#in";
  }

  private Member load(MemberNumber number) {
    return members
        .find(number)
        .orElseThrow(() -> new MemberNotFoundException("no member " + number));
  }
}
