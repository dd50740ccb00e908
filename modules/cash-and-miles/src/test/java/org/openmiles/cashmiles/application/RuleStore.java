package org.openmiles.cashmiles.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.cashmiles.domain.CashMilesRule;
import org.openmiles.cashmiles.domain.CashMilesRuleVersions;
import org.openmiles.cashmiles.domain.RefundRules;
import org.openmiles.program.api.DatedVersion;

/** The Cash &amp; Miles rule versions in memory, seeded as cashmiles V1 seeds the tables. */
class RuleStore implements CashMilesRuleVersions {
  static final LocalDate SEED = LocalDate.of(2000, 1, 1);

  final Map<String, List<DatedVersion<BigDecimal>>> values = new HashMap<>();
  final List<DatedVersion<CashMilesRule>> rules = new ArrayList<>();
  MileValueReplay replay;

  RuleStore() {
    values.put(
        "USD",
        new ArrayList<>(List.of(new DatedVersion<>(new BigDecimal("0.010000"), SEED, null, null))));
    values.put(
        "VND",
        new ArrayList<>(
            List.of(new DatedVersion<>(new BigDecimal("250.000000"), SEED, null, null))));
    rules.add(
        new DatedVersion<>(
            new CashMilesRule(
                2500, 500, new BigDecimal("100.00"), 600, 900, new RefundRules(false, true)),
            SEED,
            null,
            null));
  }

  @Override
  public List<DatedVersion<BigDecimal>> mileValues(String currency) {
    return List.copyOf(values.getOrDefault(currency, List.of()));
  }

  @Override
  public List<DatedVersion<CashMilesRule>> rules() {
    return List.copyOf(rules);
  }

  @Override
  public boolean addMileValue(String currency, LocalDate from, BigDecimal value, long change) {
    List<DatedVersion<BigDecimal>> v = values.computeIfAbsent(currency, c -> new ArrayList<>());
    if (v.stream().anyMatch(w -> w.from().equals(from))) {
      return false;
    }
    return v.add(new DatedVersion<>(value, from, null, change));
  }

  @Override
  public boolean addRule(LocalDate from, CashMilesRule rule, long change) {
    if (rules.stream().anyMatch(w -> w.from().equals(from))) {
      return false;
    }
    return rules.add(new DatedVersion<>(rule, from, null, change));
  }

  @Override
  public MileValueReplay replayMileValue(
      String currency, int digits, BigDecimal proposed, LocalDate from, LocalDate to) {
    return replay;
  }
}
