package org.openmiles.cashmiles.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openmiles.cashmiles.domain.CashMilesRuleVersions;
import org.openmiles.cashmiles.domain.CashMilesRuleVersions.MileValueReplay;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.DatedRuleAdministration;
import org.openmiles.program.api.DatedVersion;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.Simulation;
import org.openmiles.program.api.VersionFields;

/**
 * What one mile is worth against a fare in a currency, as program managers change it (issue 20):
 * {@code cashmiles.mile_value}, keyed by the currency (ISO 4217); a version is the value of a mile
 * in that currency, above 0 with at most 6 decimals ({@code numeric(12,6)}). A quote copies the
 * value in force on its date (the UTC date of the quote), so payments on quotes already made keep
 * theirs; a currency with no version cannot be paid with miles, and its first version makes it
 * payable from its date. The quote path reads the value afresh for every quote (nothing cached).
 *
 * <p>Simulation: the captured payments in the currency whose quote was made in the window (one
 * read-only statement, {@link CashMilesRuleVersions#replayMileValue}): {@code records} = payments,
 * members, miles before = after = the miles captured (a mile value prices miles, it changes none),
 * cost before = those miles at the value in force on each payment's date, cost after = at the
 * proposed value, both in the currency truncated to its minor unit as a quote's split is; members
 * affected = members whose cost changes; groups by month (payments and miles: {@link
 * Simulation.Group} has no cost). {@code replayed} = payments whose recorded split (the value the
 * quote copied, the miles' value, the cash parts, the quote's range of miles) is exactly what the
 * mile value and Cash &amp; Miles rule in force on their date give. A refund does not lower the
 * miles counted: the captured miles were used when the ticket was paid.
 */
@ApplicationScoped
public class MileValueAdministration extends DatedRuleAdministration<String, BigDecimal> {
  /** The kind's name in paths and requests. */
  public static final String KIND = "mile-value";

  private static final String VALUE = "valuePerMile";

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Mile value (Cash & Miles)",
          "the fare's currency (ISO 4217), such as VND or USD; a currency without a mile value"
              + " cannot be paid with miles",
          List.of(
              new RuleField(
                  VALUE,
                  "decimal",
                  true,
                  "what one mile pays of a base fare in the currency: above 0, at most 6 decimals"
                      + " and 6 digits before the point (1 mile = 250 VND = 0.01 USD today)")));

  @Inject CashMilesRuleVersions store;
  @Inject Clock clock;

  @Override
  public RuleKind kind() {
    return DESCRIPTION;
  }

  /** The key: a currency Java knows (ISO 4217), as the quote path reads a fare's currency. */
  @Override
  protected String key(String key) {
    String c = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
    if (c.matches("[A-Z]{3}")) {
      try {
        Currency.getInstance(c);
        return c;
      } catch (IllegalArgumentException e) {
        // refused below
      }
    }
    throw ValidationException.of(
        "key", "an ISO 4217 currency such as VND or USD, not " + (key == null ? "nothing" : key));
  }

  @Override
  protected BigDecimal read(String currency, Map<String, String> fields, LocalDate from) {
    VersionFields f = new VersionFields(fields, Set.of(VALUE));
    BigDecimal v = f.decimal(VALUE, true, false, 6, 6);
    f.throwIfInvalid();
    return v;
  }

  @Override
  protected List<DatedVersion<BigDecimal>> versions(String currency) {
    return store.mileValues(currency);
  }

  @Override
  protected boolean add(String currency, LocalDate from, BigDecimal value, long change) {
    return store.addMileValue(currency, from, value, change);
  }

  @Override
  protected Map<String, String> fields(BigDecimal value) {
    return Map.of(VALUE, value.toPlainString());
  }

  /**
   * A first mile value for a currency (its fares become payable with miles), a value lower than the
   * one in force the day before (members need more miles for the same part of a fare) or higher
   * (each mile pays more: the program's cost of a mile rises), and a later version already written
   * (this one applies only until it).
   */
  @Override
  public List<String> warnings(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    String currency = key(key);
    BigDecimal proposed = read(currency, fields, effectiveFrom);
    List<String> out = new ArrayList<>();
    Optional<BigDecimal> before = replaced(currency, effectiveFrom);
    if (before.isEmpty()) {
      out.add(
          "fares in "
              + currency
              + " have no mile value before "
              + effectiveFrom
              + ": from then on they can be paid partly with miles");
    } else if (proposed.compareTo(before.get()) != 0) {
      out.add(change(currency, before.get(), proposed, effectiveFrom));
    }
    followed(currency, effectiveFrom).ifPresent(out::add);
    return out;
  }

  private static String change(String currency, BigDecimal was, BigDecimal proposed, LocalDate d) {
    String pct =
        proposed
            .subtract(was)
            .abs()
            .multiply(BigDecimal.valueOf(100))
            .divide(was, 1, RoundingMode.HALF_UP)
            .toPlainString();
    String what = " in " + currency + " (was " + was.toPlainString() + "): ";
    return proposed.compareTo(was) < 0
        ? "a mile would be worth "
            + pct
            + " % less"
            + what
            + "members need more miles for the same part of a fare in quotes from "
            + d
        : "a mile would be worth "
            + pct
            + " % more"
            + what
            + "each mile pays more of a fare, the program's cost of a mile rises";
  }

  @Override
  public Optional<Simulation> simulate(
      String key, Map<String, String> fields, LocalDate from, LocalDate to) {
    long start = System.nanoTime();
    String currency = key(key);
    BigDecimal proposed = read(currency, fields, from);
    int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    MileValueReplay r = store.replayMileValue(currency, digits, proposed, from, to);
    return Optional.of(
        new Simulation(
            from,
            to,
            r.records(),
            r.replayed(),
            r.members(),
            r.membersAffected(),
            r.miles(),
            r.miles(),
            r.costBefore(),
            r.costAfter(),
            currency,
            r.groups(),
            clock.instant(),
            (System.nanoTime() - start) / 1_000_000));
  }
}
