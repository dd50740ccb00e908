package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.openmiles.accounts.api.BatchResult;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.RejectedPosting;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accrual.api.ActivityAmount;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.ActivityResult.Outcome;
import org.openmiles.accrual.api.FileRegistration;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.accrual.api.PartnerActivity;
import org.openmiles.accrual.domain.ActivityStatus;
import org.openmiles.accrual.domain.LastNames;
import org.openmiles.accrual.domain.PartnerActivityRepository;
import org.openmiles.accrual.domain.PartnerEarnRule;
import org.openmiles.accrual.domain.PartnerFileRepository;
import org.openmiles.accrual.domain.PromotionTarget;
import org.openmiles.accrual.domain.RecordedOrigin;
import org.openmiles.accrual.domain.StoredActivity;
import org.openmiles.common.text.Texts;

/**
 * Credits partner activity: rate each record by the partner's rule in force on its activity date,
 * record it once (partner + transaction id), post the miles with one ledger batch, and park the
 * records of members who have not enrolled yet. One chunk is one transaction: the records and their
 * ledger entries commit together or not at all. Promotion bonuses ({@link PromotionBonuses}) are
 * posted in the same transaction as separate entries, only for records whose base posting the
 * ledger accepted; the record's own miles (its result, the file's {@code miles_issued}, settlement)
 * stay the base miles the partner pays for.
 */
@ApplicationScoped
@Transactional
public class DefaultPartnerAccrual implements PartnerAccrual {
  private static final Logger LOG = Logger.getLogger(DefaultPartnerAccrual.class.getName());

  @Inject PartnerActivityRepository repository;
  @Inject PartnerFileRepository files;
  @Inject MilesLedger ledger;
  @Inject org.openmiles.accounts.api.MemberService members;

  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "openmiles.accrual.check-last-name",
      defaultValue = "true")
  boolean checkLastName;

  @Inject PromotionBonuses promotions;
  @Inject PartnerReversals reversals;
  @Inject HandedOrigins handed;
  @Inject Clock clock;

  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "openmiles.accrual.park-days",
      defaultValue = "90")
  int parkDays;

  @Override
  public List<String> activePartnerCodes() {
    return repository.activePartnerCodes();
  }

  @Override
  public FileRegistration registerFile(String partnerCode, String fileName, String checksum) {
    return files.registerFile(partnerCode, fileName, checksum, clock.instant());
  }

  /**
   * Credits a chunk's records and, in the same transaction after them, the reversals it carries
   * ({@link PartnerReversals}). A chunk without reversals (every chunk of a version 1 file) takes
   * the credit path alone, with no statement more. Results come back per line, in no set order.
   */
  @Override
  public List<ActivityResult> credit(long fileId, List<PartnerActivity> chunk) {
    int reversalCount = 0;
    for (PartnerActivity a : chunk) {
      if (a.reversal()) {
        reversalCount++;
      }
    }
    if (reversalCount == 0) {
      return creditActivities(fileId, chunk);
    }
    List<PartnerActivity> activities = new ArrayList<>(chunk.size() - reversalCount);
    List<PartnerActivity> takeBacks = new ArrayList<>(reversalCount);
    chunk.forEach(a -> (a.reversal() ? takeBacks : activities).add(a));
    List<ActivityResult> results = new ArrayList<>(chunk.size());
    if (!activities.isEmpty()) {
      results.addAll(creditActivities(fileId, activities));
    }
    results.addAll(reversals.reverse(fileId, takeBacks));
    return results;
  }

  private List<ActivityResult> creditActivities(long fileId, List<PartnerActivity> chunk) {
    ActivityResult[] results = new ActivityResult[chunk.size()];
    Map<String, List<PartnerEarnRule>> rulesByPartner = new HashMap<>();
    List<Integer> ratable = new ArrayList<>();
    long[] miles = new long[chunk.size()];
    LocalDate[] ruleFrom = new LocalDate[chunk.size()];
    for (int i = 0; i < chunk.size(); i++) {
      PartnerActivity a = chunk.get(i);
      List<PartnerEarnRule> rules =
          rulesByPartner.computeIfAbsent(a.partnerCode(), repository::earnRules);
      try {
        PartnerEarnRule rule = ruleFor(rules, a);
        miles[i] = rule.rate(a.amount().quantity(), a.amount().currency());
        ruleFrom[i] = rule.effectiveFrom();
        if (miles[i] == 0) {
          results[i] =
              ActivityResult.rejected(
                  a.lineNumber(),
                  "BELOW_EARNING_THRESHOLD",
                  "quantity "
                      + a.amount().quantity().toPlainString()
                      + " earns no whole mile under the partner's rule");
        } else {
          ratable.add(i);
        }
      } catch (PartnerEarnRule.RatingException e) {
        results[i] = ActivityResult.rejected(a.lineNumber(), e.code(), e.getMessage());
      }
    }
    ratable = withMatchingNames(chunk, ratable, results);
    // record first: a record already known is a duplicate, unless this very file recorded it
    // before an interruption, in which case it counts as credited again (same ack as a clean run)
    List<PartnerActivity> toRecord = ratable.stream().map(chunk::get).toList();
    List<Long> toRecordMiles = ratable.stream().map(i -> miles[i]).toList();
    List<LocalDate> toRecordRules = ratable.stream().map(i -> ruleFrom[i]).toList();
    Map<String, StoredActivity> existing =
        repository.insertActivities(
            fileId, toRecord, toRecordMiles, toRecordRules, clock.instant());
    List<PostMiles> postings = new ArrayList<>();
    List<Integer> posted = new ArrayList<>();
    List<Integer> resumed = new ArrayList<>(); // credited by an interrupted run of this file
    for (int i : ratable) {
      PartnerActivity a = chunk.get(i);
      StoredActivity before = existing.get(a.partnerTxId());
      if (before != null) {
        boolean sameLine = before.fileId() == fileId && before.lineNo() == a.lineNumber();
        if (sameLine) { // this line, recorded by an interrupted run of this file
          if (before.status() == ActivityStatus.PARKED
              || before.status() == ActivityStatus.CANCELLED) {
            results[i] =
                new ActivityResult(
                    a.lineNumber(),
                    Outcome.PARKED,
                    0,
                    "MEMBER_NOT_ENROLLED",
                    "member not enrolled yet");
          } else {
            results[i] =
                new ActivityResult(a.lineNumber(), Outcome.CREDITED, before.miles(), null, null);
            // reversed since (by a later file): its bonuses are neither posted nor reported again
            if (before.miles() > 0 && before.status() != ActivityStatus.REVERSED) {
              resumed.add(i);
              miles[i] = before.miles();
            }
          }
        } else if (before.fileId() == fileId) {
          results[i] =
              ActivityResult.rejected(
                  a.lineNumber(),
                  "DUPLICATE_IN_FILE",
                  "transaction " + a.partnerTxId() + " already appears on line " + before.lineNo());
        } else {
          results[i] =
              new ActivityResult(
                  a.lineNumber(),
                  Outcome.DUPLICATE,
                  0,
                  "DUPLICATE",
                  "already received in file " + before.fileId() + " (" + before.status() + ")");
        }
        continue;
      }
      postings.add(
          new PostMiles(
              a.member(),
              EntryType.CREDIT,
              miles[i],
              SourceReference.of(a.ledgerReference()),
              a.activityDate(),
              describe(a)));
      posted.add(i);
    }
    // Promotion bonuses: computed before anything is posted (that locks the capped promotions'
    // totals ahead of the ledger's account locks), for the records posted now and, so that a
    // resumed file's acknowledgement matches a clean run, for those an interrupted run credited
    // (their bonuses were posted then: the ledger replays them). A bonus is posted only after its
    // base posting was accepted, so a parked or refused record never gets one.
    List<Integer> targetRecord = new ArrayList<>(posted);
    targetRecord.addAll(resumed);
    List<PromotionTarget> targets =
        targetRecord.stream().map(i -> promotionTarget(chunk.get(i), miles[i])).toList();
    List<PromotionBonus> bonuses = promotions.bonuses(targets);
    List<PromotionBonus> resumedBonuses =
        bonuses.stream().filter(b -> b.targetIndex() >= posted.size()).toList();
    // one batch for every account this chunk touches: the base postings, and the bonuses of
    // resumed records (whose base is in the ledger already)
    List<PostMiles> first = new ArrayList<>(postings);
    resumedBonuses.forEach(b -> first.add(b.posting()));
    Map<String, String> kinds = new HashMap<>();
    handed.hand(
        posted.stream()
            .map(
                i ->
                    RecordedOrigin.of(
                        chunk.get(i),
                        kinds.computeIfAbsent(chunk.get(i).partnerCode(), repository::kind),
                        miles[i]))
            .toList());
    BatchResult batch = ledger.postBatch(first);
    Map<Integer, RejectedPosting> refused = new HashMap<>();
    batch.rejected().forEach(r -> refused.put(r.index(), r));
    List<PromotionBonus> accepted = new ArrayList<>();
    for (int k = 0; k < resumedBonuses.size(); k++) {
      if (!refused.containsKey(postings.size() + k)) {
        accepted.add(resumedBonuses.get(k));
      }
    }
    // then the bonuses of the base postings the ledger accepted (posted, or replayed), in a second
    // batch of the same transaction: one batch could not keep a bonus out when only its base is
    // refused (a source reference conflict), and the accounts are all locked by the first batch
    List<PromotionBonus> dependent =
        bonuses.stream()
            .filter(b -> b.targetIndex() < posted.size() && !refused.containsKey(b.targetIndex()))
            .toList();
    BatchResult bonusBatch =
        ledger.postBatch(dependent.stream().map(PromotionBonus::posting).toList());
    java.util.Set<Integer> bonusRefused = new java.util.HashSet<>();
    bonusBatch.rejected().forEach(r -> bonusRefused.add(r.index()));
    for (int k = 0; k < dependent.size(); k++) {
      if (!bonusRefused.contains(k)) {
        accepted.add(dependent.get(k));
      }
    }
    promotions.confirm(accepted);
    long[] bonusMiles = new long[chunk.size()];
    accepted.forEach(b -> bonusMiles[targetRecord.get(b.targetIndex())] += b.miles());
    for (int i : resumed) {
      ActivityResult r = results[i];
      results[i] =
          new ActivityResult(r.lineNumber(), r.outcome(), r.miles(), null, null, bonusMiles[i]);
    }
    List<String> parked = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (int k = 0; k < posted.size(); k++) {
      int i = posted.get(k);
      PartnerActivity a = chunk.get(i);
      RejectedPosting r = refused.get(k);
      if (r == null) {
        results[i] =
            new ActivityResult(
                a.lineNumber(), Outcome.CREDITED, miles[i], null, null, bonusMiles[i]);
      } else if (r.code().equals("MEMBER_NOT_FOUND")) {
        parked.add(a.partnerTxId());
        results[i] =
            new ActivityResult(
                a.lineNumber(),
                Outcome.PARKED,
                0,
                "MEMBER_NOT_ENROLLED",
                "member " + a.member() + " is not enrolled yet; credited if they enroll in time");
      } else {
        dropped.add(a.partnerTxId()); // refused: a corrected re-send must be able to succeed
        results[i] = ActivityResult.rejected(a.lineNumber(), r.code(), r.reason());
      }
    }
    String partner = chunk.isEmpty() ? null : chunk.get(0).partnerCode();
    repository.markParked(partner, parked);
    repository.forget(partner, dropped);
    return List.of(results);
  }

  /** What promotions see of a partner record: its partner, date, member and base miles. */
  private static PromotionTarget promotionTarget(PartnerActivity a, long baseMiles) {
    return PromotionTarget.partner(
        a.ledgerReference(), a.member(), a.activityDate(), a.partnerCode(), baseMiles);
  }

  /**
   * Keeps the records whose last name is the member's (or whose member is not enrolled yet: they
   * are parked); rejects the others with NAME_MISMATCH, unrecorded, so a corrected record can come.
   */
  private List<Integer> withMatchingNames(
      List<PartnerActivity> chunk, List<Integer> ratable, ActivityResult[] results) {
    if (!checkLastName || ratable.isEmpty()) {
      return ratable;
    }
    Map<MemberNumber, String> names =
        members.lastNames(ratable.stream().map(i -> chunk.get(i).member()).toList());
    List<Integer> kept = new ArrayList<>(ratable.size());
    for (int i : ratable) {
      PartnerActivity a = chunk.get(i);
      String known = names.get(a.member());
      if (known == null || LastNames.match(a.lastName(), known)) {
        kept.add(i);
      } else {
        results[i] =
            ActivityResult.rejected(
                a.lineNumber(),
                "NAME_MISMATCH",
                "last name '"
                    + a.lastName()
                    + "' is not the name of member "
                    + a.member()
                    + "; check the member number and name and send the record again");
      }
    }
    return kept;
  }

  private static PartnerEarnRule ruleFor(List<PartnerEarnRule> rules, PartnerActivity a) {
    PartnerEarnRule best = null; // the latest effective of the rules that apply
    for (PartnerEarnRule r : rules) {
      if (r.basis() == a.amount().basis()
          && r.appliesOn(a.activityDate())
          && (best == null || r.effectiveFrom().isAfter(best.effectiveFrom()))) {
        best = r;
      }
    }
    if (best != null) {
      return best;
    }
    throw new PartnerEarnRule.RatingException(
        "NO_EARN_RULE",
        "partner "
            + a.partnerCode()
            + " has no earn rule for "
            + a.amount().basis()
            + " on "
            + a.activityDate());
  }

  private static String describe(PartnerActivity a) {
    ActivityAmount amount = a.amount();
    String d =
        amountText(a.partnerCode(), amount.basis().name(), amount.quantity(), amount.currency())
            + (a.description().isEmpty() ? "" : ": " + a.description());
    return Texts.truncate(d, PostMiles.MAX_DESCRIPTION);
  }

  /** A partner record's amount as ledger texts name it, e.g. {@code DEMO_HOTEL stay night 2}. */
  private static String amountText(
      String partnerCode, String basis, BigDecimal quantity, String currency) {
    return partnerCode
        + " "
        + basis.toLowerCase().replace('_', ' ')
        + " "
        + quantity.stripTrailingZeros().toPlainString()
        + (currency == null ? "" : " " + currency);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long creditParked(MemberNumber member) {
    var parked =
        repository.parkedFor(
            member.value(), clock.instant().minus(java.time.Duration.ofDays(parkDays)));
    if (parked.isEmpty()) {
      return 0;
    }
    List<PostMiles> postings =
        parked.stream()
            .map(
                p ->
                    new PostMiles(
                        member,
                        EntryType.CREDIT,
                        p.miles(),
                        SourceReference.of(p.ledgerRef()),
                        p.activityDate(),
                        amountText(p.partnerCode(), p.basis(), p.quantity(), p.currency())
                            + " (parked until enrollment)"))
            .toList();
    // promotion bonuses on the activity dates of the records: before posting (see credit)
    List<PromotionBonus> bonuses =
        promotions.bonuses(
            parked.stream()
                .map(
                    p ->
                        PromotionTarget.partner(
                            p.ledgerRef(), member, p.activityDate(), p.partnerCode(), p.miles()))
                .toList());
    BatchResult r = ledger.postBatch(postings);
    java.util.Set<Integer> refused = new java.util.HashSet<>();
    r.rejected().forEach(x -> refused.add(x.index()));
    List<PromotionBonus> dependent =
        bonuses.stream().filter(b -> !refused.contains(b.targetIndex())).toList();
    BatchResult rb = ledger.postBatch(dependent.stream().map(PromotionBonus::posting).toList());
    java.util.Set<Integer> bonusRefused = new java.util.HashSet<>();
    rb.rejected().forEach(x -> bonusRefused.add(x.index()));
    List<PromotionBonus> accepted = new ArrayList<>();
    for (int k = 0; k < dependent.size(); k++) {
      if (!bonusRefused.contains(k)) {
        accepted.add(dependent.get(k));
      }
    }
    promotions.confirm(accepted);
    Map<String, List<String>> creditedByPartner = new HashMap<>();
    for (int i = 0; i < parked.size(); i++) {
      if (!refused.contains(i)) {
        creditedByPartner
            .computeIfAbsent(parked.get(i).partnerCode(), k -> new ArrayList<>())
            .add(parked.get(i).txId());
      }
    }
    creditedByPartner.forEach(repository::markCredited);
    long base = r.milesPosted() + r.replayed().stream().mapToLong(x -> x.miles()).sum();
    long bonus = accepted.stream().mapToLong(PromotionBonus::miles).sum();
    LOG.info(
        () ->
            "member "
                + member
                + " enrolled: "
                + creditedByPartner.values().stream().mapToInt(List::size).sum()
                + " parked partner record(s) credited, "
                + base
                + " miles and "
                + bonus
                + " promotion bonus miles");
    return base + bonus;
  }

  @Override
  public void completeFile(long fileId, FileSummary summary) {
    files.completeFile(fileId, summary, clock.instant());
    LOG.info(() -> "partner file " + fileId + " done: " + summary);
  }

  @Override
  public void rejectFile(long fileId, String reason, int recordCount) {
    files.rejectFile(fileId, reason, recordCount, clock.instant());
    LOG.info(() -> "partner file " + fileId + " rejected whole: " + reason);
  }

  @Override
  public void failFile(long fileId, String reason) {
    files.failFile(fileId, reason, clock.instant());
  }
}
