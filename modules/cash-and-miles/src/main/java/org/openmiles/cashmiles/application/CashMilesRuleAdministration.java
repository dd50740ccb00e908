package org.openmiles.cashmiles.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmiles.cashmiles.domain.CashMilesRule;
import org.openmiles.cashmiles.domain.CashMilesRuleVersions;
import org.openmiles.cashmiles.domain.RefundRules;
import org.openmiles.program.api.DatedRuleAdministration;
import org.openmiles.program.api.DatedVersion;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.VersionFields;

/**
 * The program's Cash &amp; Miles rule as program managers change it (issue 20): {@code
 * cashmiles.cash_miles_rule}, one rule for the whole program (the table is keyed by its date only),
 * so the key is {@code PROGRAM}. A version is whole: the least miles per passenger and segment, the
 * step above it (which must divide the minimum), the most of a base fare miles may pay, the quote's
 * and the hold's lifetimes, and whether a voluntary or involuntary refund gives the miles back —
 * each checked as the table's constraints check it. A quote copies the rule in force on its date
 * (the UTC date of the quote) and every payment on it keeps it; the quote path reads the rule
 * afresh for every quote (nothing cached). Not simulated: a rule changes which quotes a fare may
 * get, and the payments made record the member's choice within the range, not what they would have
 * chosen under another.
 */
@ApplicationScoped
public class CashMilesRuleAdministration extends DatedRuleAdministration<String, CashMilesRule> {
  /** The kind's name in paths and requests. */
  public static final String KIND = "cash-miles-rule";

  private static final String MIN = "minMilesPerSegment";
  private static final String STEP = "milesStep";
  private static final String SHARE = "maxFareSharePct";
  private static final String QUOTE_TTL = "quoteTtlSeconds";
  private static final String HOLD_TTL = "holdTtlSeconds";
  private static final String VOLUNTARY = "voluntaryRefundRedeposit";
  private static final String INVOLUNTARY = "involuntaryRefundRedeposit";

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Cash & Miles rule",
          "PROGRAM (one rule for the whole program)",
          List.of(
              new RuleField(
                  MIN,
                  "whole number",
                  true,
                  "the least miles a payment uses per passenger and flight segment: above 0, a"
                      + " multiple of milesStep"),
              new RuleField(
                  STEP,
                  "whole number",
                  true,
                  "miles above the minimum go up in steps of this many: above 0"),
              new RuleField(
                  SHARE,
                  "decimal",
                  true,
                  "the most of the base fare miles may pay, in %: above 0, at most 100, 2"
                      + " decimals (taxes and fees are always cash)"),
              new RuleField(
                  QUOTE_TTL, "whole number", true, "how long a quote holds: 30 to 86400 seconds"),
              new RuleField(
                  HOLD_TTL,
                  "whole number",
                  true,
                  "how long an uncaptured hold of miles lasts before it is released: 60 to 86400"
                      + " seconds"),
              new RuleField(
                  VOLUNTARY,
                  "true or false",
                  true,
                  "true: a refund the passenger chose gives the miles back (today false)"),
              new RuleField(
                  INVOLUNTARY,
                  "true or false",
                  true,
                  "true: a refund the airline caused gives the miles back (today true)")));

  private static final Set<String> FIELDS =
      Set.of(MIN, STEP, SHARE, QUOTE_TTL, HOLD_TTL, VOLUNTARY, INVOLUNTARY);

  @Inject CashMilesRuleVersions store;

  @Override
  public RuleKind kind() {
    return DESCRIPTION;
  }

  /** The key: {@code PROGRAM}, any case. */
  @Override
  protected String key(String key) {
    return programWide(key, "the Cash & Miles rule");
  }

  @Override
  protected CashMilesRule read(String key, Map<String, String> fields, LocalDate from) {
    return rule(fields);
  }

  @Override
  protected List<DatedVersion<CashMilesRule>> versions(String key) {
    return store.rules();
  }

  @Override
  protected boolean add(String key, LocalDate from, CashMilesRule rule, long change) {
    return store.addRule(from, rule, change);
  }

  /**
   * Against the rule in force the day before: a lower minimum (smaller payments in miles), a larger
   * share of the fare (miles may pay more of it, up to all of it at 100 %), shorter quote or hold
   * lifetimes (booking engines have less time to pay or capture), and refunds that no longer give
   * the miles back; and a later version already written (this one applies only until then).
   */
  @Override
  public List<String> warnings(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    String k = key(key);
    CashMilesRule p = rule(fields);
    List<String> out = new ArrayList<>();
    replaced(k, effectiveFrom).ifPresent(was -> out.addAll(changes(was, p)));
    followed(k, effectiveFrom).ifPresent(out::add);
    return out;
  }

  /** What people should know about going from rule {@code was} to {@code p}. */
  private static List<String> changes(CashMilesRule was, CashMilesRule p) {
    List<String> out = new ArrayList<>();
    if (p.minMilesPerSegment() < was.minMilesPerSegment()) {
      out.add(
          "the minimum falls from "
              + was.minMilesPerSegment()
              + " to "
              + p.minMilesPerSegment()
              + " miles per passenger and segment: smaller fares and smaller parts of a fare"
              + " become payable with miles");
    }
    if (p.maxFareSharePct().compareTo(was.maxFareSharePct()) > 0) {
      out.add(
          "miles may pay up to "
              + p.maxFareSharePct().stripTrailingZeros().toPlainString()
              + " % of a base fare (was "
              + was.maxFareSharePct().stripTrailingZeros().toPlainString()
              + " %)"
              + (p.maxFareSharePct().compareTo(BigDecimal.valueOf(100)) == 0
                  ? ": a fare may be paid wholly with miles, only taxes and fees in cash"
                  : ""));
    }
    if (p.quoteTtlSeconds() < was.quoteTtlSeconds() || p.holdTtlSeconds() < was.holdTtlSeconds()) {
      out.add(
          "shorter lifetimes (quote "
              + was.quoteTtlSeconds()
              + " -> "
              + p.quoteTtlSeconds()
              + " s, hold "
              + was.holdTtlSeconds()
              + " -> "
              + p.holdTtlSeconds()
              + " s): booking engines have less time to pay and to capture");
    }
    if (was.refunds().voluntaryRedeposit() && !p.refunds().voluntaryRedeposit()) {
      out.add("a voluntary refund would no longer give the miles back");
    }
    if (was.refunds().involuntaryRedeposit() && !p.refunds().involuntaryRedeposit()) {
      out.add(
          "an involuntary refund (the airline's cancellation) would no longer give the miles"
              + " back: members lose their miles when the airline cancels");
    }
    return out;
  }

  /** A version read whole, every constraint of the table checked, every broken field at once. */
  static CashMilesRule rule(Map<String, String> fields) {
    VersionFields f = new VersionFields(fields, FIELDS);
    Long min = f.whole(MIN, true, 1, Integer.MAX_VALUE);
    Long step = f.whole(STEP, true, 1, Integer.MAX_VALUE);
    BigDecimal share = f.decimal(SHARE, true, false, 3, 2);
    if (share != null && share.compareTo(BigDecimal.valueOf(100)) > 0) {
      f.refuse(SHARE, "at most 100 (% of the base fare), not " + share.toPlainString());
    }
    Long quoteTtl = f.whole(QUOTE_TTL, true, 30, 86_400);
    Long holdTtl = f.whole(HOLD_TTL, true, 60, 86_400);
    Boolean voluntary = yesNo(f, fields, VOLUNTARY);
    Boolean involuntary = yesNo(f, fields, INVOLUNTARY);
    if (min != null && step != null && min % step != 0) {
      f.refuse(
          STEP,
          "must divide "
              + MIN
              + " ("
              + min
              + "): "
              + step
              + " does not; the minimum is a number"
              + " of steps");
    }
    f.throwIfInvalid();
    return new CashMilesRule(
        Math.toIntExact(min),
        Math.toIntExact(step),
        share,
        Math.toIntExact(quoteTtl),
        Math.toIntExact(holdTtl),
        new RefundRules(voluntary, involuntary));
  }

  /** A required true or false. */
  private static Boolean yesNo(VersionFields f, Map<String, String> fields, String field) {
    if (!f.has(field)) {
      f.refuse(field, "required: true or false");
      return null;
    }
    return f.yesNo(field, false);
  }

  @Override
  protected Map<String, String> fields(CashMilesRule r) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(MIN, Integer.toString(r.minMilesPerSegment()));
    m.put(STEP, Integer.toString(r.milesStep()));
    m.put(SHARE, r.maxFareSharePct().toPlainString());
    m.put(QUOTE_TTL, Integer.toString(r.quoteTtlSeconds()));
    m.put(HOLD_TTL, Integer.toString(r.holdTtlSeconds()));
    m.put(VOLUNTARY, Boolean.toString(r.refunds().voluntaryRedeposit()));
    m.put(INVOLUNTARY, Boolean.toString(r.refunds().involuntaryRedeposit()));
    return m;
  }
}
