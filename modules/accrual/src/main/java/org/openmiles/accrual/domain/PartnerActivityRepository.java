package org.openmiles.accrual.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.accrual.api.ParkedReport;
import org.openmiles.accrual.api.PartnerActivity;

/** Partner activity records, the partners' earn rules, and what a settlement counts. */
public interface PartnerActivityRepository {
  List<String> activePartnerCodes();

  List<PartnerEarnRule> earnRules(String partnerCode);

  /** The partner's kind (BANK, HOTEL, …): the category of its records' activity. */
  String kind(String partnerCode);

  /**
   * Inserts the records not known yet (set-based), each with its miles and the version of the earn
   * rule that rated them (its {@code effective_from}: with the partner and basis, the version's
   * key); returns the ones that were known before, by partner transaction id.
   */
  Map<String, StoredActivity> insertActivities(
      long fileId,
      List<PartnerActivity> records,
      List<Long> miles,
      List<LocalDate> ruleFrom,
      Instant now);

  /** The member's parked records received after {@code since}, locked against a concurrent run. */
  List<ParkedActivity> parkedFor(String member, Instant since);

  void markCredited(String partner, List<String> txIds);

  void markParked(String partner, List<String> txIds);

  /** Forgets refused records, so that a corrected re-send is not mistaken for a duplicate. */
  void forget(String partner, List<String> txIds);

  /**
   * The records of {@code partner} with these transaction ids, locked until the transaction ends
   * (in transaction id order, like every row lock on this table), so that a reversal and a
   * concurrent enrollment or reversal of the same record run one after the other.
   */
  Map<String, OriginalActivity> lockForReversal(String partner, List<String> txIds);

  /** Marks records reversed or cancelled (one statement for a chunk's reversals). */
  void markReversed(String partner, List<ActivityReversal> reversals, Instant now);

  Optional<IssuedMiles> issued(String partner, Instant from, Instant to, LocalDate priceDate);

  /**
   * Parked records of a partner (for the host airline: coupons parked or kept for a claim), split
   * at {@code cutoff}: received since then they still wait, before it they are past the window.
   */
  ParkedReport parked(String partner, int parkDays, Instant cutoff, int limit);
}
