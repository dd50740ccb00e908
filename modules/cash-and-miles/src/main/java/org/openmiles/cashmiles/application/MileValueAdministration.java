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
import org.openmiles.cashmiles.domain.CashMilesRuleVersions.Written;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.RuleAdministration;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.Simulation;
import org.openmiles.program.api.VersionExistsException;
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
public class MileValueAdministration implements RuleAdministration {
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

  @Override
  public void validate(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    String currency = currency(key);
    value(fields);
    if (store.mileValues(currency).stream().anyMatch(w -> w.from().equals(effectiveFrom))) {
      throw new VersionExistsException(KIND, currency, effectiveFrom);
    }
  }

  @Override
  public Optional<RuleVersion> inForce(String key, LocalDate on) {
    String currency = currency(key);
    return Written.inForce(store.mileValues(currency), on)
        .map(
            w ->
                new RuleVersion(
                    currency + "@" + w.from(),
                    w.from(),
                    w.to(),
                    Map.of(VALUE, w.value().toPlainString()),
                    w.change()));
  }

  @Override
  public String apply(
      String key, Map<String, String> fields, LocalDate effectiveFrom, long change) {
    String currency = currency(key);
    if (!store.addMileValue(currency, effectiveFrom, value(fields), change)) {
      throw new VersionExistsException(KIND, currency, effectiveFrom);
    }
    return currency + "@" + effectiveFrom;
  }

  /**
   * A first mile value for a currency (its fares become payable with miles), a value lower than the
   * one in force the day before (members need more miles for the same part of a fare) or higher
   * (each mile pays more: the program's cost of a mile rises), and a later version already written
   * (this one applies only until it).
   */
  @Override
  public List<String> warnings(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    String currency = currency(key);
    BigDecimal proposed = value(fields);
    List<Written<BigDecimal>> written = store.mileValues(currency);
    List<String> out = new ArrayList<>();
    Optional<Written<BigDecimal>> before = Written.inForce(written, effectiveFrom.minusDays(1));
    if (before.isEmpty()) {
      out.add(
          "fares in "
              + currency
              + " have no mile value before "
              + effectiveFrom
              + ": from then on they can be paid partly with miles");
    } else {
      BigDecimal was = before.get().value();
      int c = proposed.compareTo(was);
      if (c != 0) {
        String pct =
            proposed
                .subtract(was)
                .abs()
                .multiply(BigDecimal.valueOf(100))
                .divide(was, 1, RoundingMode.HALF_UP)
                .toPlainString();
        out.add(
            c < 0
                ? "a mile would be worth "
                    + pct
                    + " % less in "
                    + currency
                    + " (was "
                    + was.toPlainString()
                    + "): members need more miles for the same part of a fare in quotes from "
                    + effectiveFrom
                : "a mile would be worth "
                    + pct
                    + " % more in "
                    + currency
                    + " (was "
                    + was.toPlainString()
                    + "): each mile pays more of a fare, the program's cost of a mile rises");
      }
    }
    written.stream()
        .filter(w -> w.from().isAfter(effectiveFrom))
        .findFirst()
        .ifPresent(
            w ->
                out.add(
                    "a version from "
                        + w.from()
                        + " is already written: this one applies only until then"));
    return out;
  }

  @Override
  public Optional<Simulation> simulate(
      String key, Map<String, String> fields, LocalDate from, LocalDate to) {
    long start = System.nanoTime();
    String currency = currency(key);
    BigDecimal proposed = value(fields);
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

  /** The key: a currency Java knows (ISO 4217), as the quote path reads a fare's currency. */
  static String currency(String key) {
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

  private static BigDecimal value(Map<String, String> fields) {
    VersionFields f = new VersionFields(fields, Set.of(VALUE));
    BigDecimal v = f.decimal(VALUE, true, false, 6, 6);
    f.throwIfInvalid();
    return v;
  }
}
