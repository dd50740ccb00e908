package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openmiles.retention.api.RetentionStatistics;
import org.openmiles.retention.api.RevenueConcentration;
import org.openmiles.retention.domain.RetentionAggregates;

/** The dashboards' figures over the facts. */
@ApplicationScoped
@Transactional
public class DefaultRetentionStatistics implements RetentionStatistics {
  /** The top bands shown, in percent of the active members. */
  static final List<BigDecimal> BANDS =
      List.of("1", "2.5", "5", "10", "20", "50").stream().map(BigDecimal::new).toList();

  @Inject RetentionAggregates aggregates;
  @Inject FactsSettings settings;

  @Override
  public RevenueConcentration revenueConcentration(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the range ends before it starts");
    }
    RetentionAggregates.Concentration c = aggregates.concentration(from, to, BANDS);
    List<RevenueConcentration.Band> bands = new ArrayList<>();
    for (int i = 0; i < BANDS.size(); i++) {
      RetentionAggregates.Band b = c.bands().get(i);
      BigDecimal share =
          c.revenue().signum() == 0
              ? BigDecimal.ZERO
              : b.revenue().divide(c.revenue(), 4, RoundingMode.HALF_UP);
      bands.add(new RevenueConcentration.Band(BANDS.get(i), b.members(), b.revenue(), share));
    }
    return new RevenueConcentration(from, to, c.members(), c.revenue(), settings.currency(), bands);
  }
}
