package org.openmiles.cashmiles.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.program.api.DatedVersion;
import org.openmiles.program.api.Simulation;

/**
 * The versions of the program's Cash &amp; Miles rules (the mile value of each currency, the rule
 * of the split) as program administration reads and adds them (issue 20, ADR 0045). A version is
 * added from its date and never changed; the replay of captured payments is read-only.
 */
public interface CashMilesRuleVersions {

  /** Every version of a currency's mile value, oldest first. */
  List<DatedVersion<BigDecimal>> mileValues(String currency);

  /** Every version of the Cash &amp; Miles rule, oldest first. */
  List<DatedVersion<CashMilesRule>> rules();

  /**
   * Adds a version from {@code from} written by change request {@code change}; false if one from
   * that date is there already (versions are never overwritten). So does {@link #addRule}.
   */
  boolean addMileValue(String currency, LocalDate from, BigDecimal valuePerMile, long change);

  boolean addRule(LocalDate from, CashMilesRule rule, long change);

  /**
   * The captured payments in {@code currency} (CAPTURED, PARTIALLY_REFUNDED, REFUNDED) whose quote
   * was made {@code from}–{@code to} (the quote's date, as {@code DefaultCashMilesPayments} reads
   * the rules: the UTC date of its time), their captured miles priced at the mile value in force on
   * that date (before) and at {@code proposed} (after), truncated to {@code digits} decimals as a
   * quote's split is; read-only, one statement.
   */
  MileValueReplay replayMileValue(
      String currency, int digits, BigDecimal proposed, LocalDate from, LocalDate to);

  /**
   * A replay's totals: payments, those whose recorded split the rules in force on their date give
   * exactly ({@code replayed}), members with payments and those whose cost changes, captured miles
   * (the same before and after: the mile value prices miles, it does not change them), their value
   * at the mile value in force and at the proposed one, and the payments by month.
   */
  record MileValueReplay(
      long records,
      long replayed,
      long members,
      long membersAffected,
      long miles,
      BigDecimal costBefore,
      BigDecimal costAfter,
      List<Simulation.Group> groups) {}
}
