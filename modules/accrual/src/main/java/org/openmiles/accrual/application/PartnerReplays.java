package org.openmiles.accrual.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openmiles.accrual.domain.PartnerRuleVersions.MilePrice;
import org.openmiles.accrual.domain.PartnerRuleVersions.Replay;
import org.openmiles.accrual.domain.PartnerRuleVersions.WrittenPrice;
import org.openmiles.program.api.Simulation;

/** A replay of partner records as program administration shows it: miles, members, cost. */
final class PartnerReplays {
  private PartnerReplays() {}

  /** The price in force on {@code on} among {@code prices}, as written, if any. */
  static Optional<WrittenPrice> priceOn(List<WrittenPrice> prices, LocalDate on) {
    return prices.stream()
        .filter(w -> w.price().appliesOn(on))
        .max(Comparator.comparing(w -> w.price().from()));
  }

  /**
   * The simulation of replay {@code r} over {@code from}–{@code to}: its cost before at {@code
   * before} and after at {@code after} (a cost is null without a price, or when the two prices are
   * in different currencies, for the one not in {@code after}'s currency), broken down by month and
   * then by each of {@code more}.
   */
  static Simulation simulation(
      Replay r,
      Optional<MilePrice> before,
      Optional<MilePrice> after,
      LocalDate from,
      LocalDate to,
      Clock clock,
      long startNanos,
      List<Simulation.Group> more) {
    String currency = after.or(() -> before).map(MilePrice::currency).orElse(null);
    BigDecimal costBefore =
        before
            .filter(p -> p.currency().equals(currency))
            .map(p -> p.perMile().multiply(BigDecimal.valueOf(r.milesBefore())))
            .orElse(null);
    BigDecimal costAfter =
        after.map(p -> p.perMile().multiply(BigDecimal.valueOf(r.milesAfter()))).orElse(null);
    return new Simulation(
        from,
        to,
        r.records(),
        r.replayed(),
        r.members(),
        r.membersAffected(),
        r.milesBefore(),
        r.milesAfter(),
        costBefore,
        costAfter,
        currency,
        java.util.stream.Stream.concat(
                r.months().stream()
                    .map(
                        m ->
                            new Simulation.Group(
                                "month", m.month(), m.records(), m.milesBefore(), m.milesAfter())),
                more.stream())
            .toList(),
        clock.instant(),
        (System.nanoTime() - startNanos) / 1_000_000);
  }
}
