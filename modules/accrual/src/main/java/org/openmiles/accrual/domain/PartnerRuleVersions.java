package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openmiles.accrual.api.EarnBasis;

/**
 * The versions of partners' earn rules and mile prices, as program administration reads and adds
 * them.
 */
public interface PartnerRuleVersions {

  /** The partner's kind ({@code HOTEL}, {@code HOST}, ...), if it exists. */
  Optional<String> partnerKind(String partnerCode);

  /** Every version of the partner's rule for {@code basis}, each with the change that wrote it. */
  List<Written> versions(String partnerCode, EarnBasis basis);

  /**
   * Adds a version written by change request {@code change}; false if one from the same date is
   * there already (versions are never overwritten).
   */
  boolean add(String partnerCode, PartnerEarnRule rule, long change);

  /** Every version of the partner's price per mile issued, each with the change that wrote it. */
  List<WrittenPrice> prices(String partnerCode);

  /** Adds a price from {@code price.from()}; false if one from that date is there already. */
  boolean addPrice(String partnerCode, MilePrice price, long change);

  /**
   * The partner's credited records ({@code CREDITED} or since {@code REVERSED}) of {@code basis}
   * with activity dates {@code from}–{@code to}, rated set-based under the version in force on each
   * date (before) and under {@code proposed} as if in force throughout (after); read-only.
   */
  Replay replayEarnRule(
      String partnerCode, EarnBasis basis, PartnerEarnRule proposed, LocalDate from, LocalDate to);

  /** The partner's credited records of {@code from}–{@code to} as credited (before = after). */
  Replay replayCredited(String partnerCode, LocalDate from, LocalDate to);

  /**
   * A replay's totals: records, those the set-based rating of the rules in force gave exactly the
   * credited miles ({@code replayed}), members with records and those whose miles change, miles
   * before and after, by month ({@code YYYY-MM}).
   */
  record Replay(
      long records,
      long replayed,
      long members,
      long membersAffected,
      long milesBefore,
      long milesAfter,
      List<Month> months) {}

  /** One month of a replay. */
  record Month(String month, long records, long milesBefore, long milesAfter) {}

  /** A version as stored, with the change request that wrote it (null: seeded). */
  record Written(PartnerEarnRule rule, Long change) {}

  /**
   * A partner's price per mile issued (what settlement bills), in force from {@code from}
   * (inclusive) to {@code to} (exclusive; null while open).
   */
  record MilePrice(BigDecimal perMile, String currency, LocalDate from, LocalDate to) {
    /** In force on {@code date}: from {@code from} inclusive to {@code to} exclusive. */
    public boolean appliesOn(LocalDate date) {
      return !date.isBefore(from) && (to == null || date.isBefore(to));
    }
  }

  /** A price as stored, with the change request that wrote it (null: seeded). */
  record WrittenPrice(MilePrice price, Long change) {}
}
