package org.openmiles.console.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmiles.retention.api.RetentionStatistics;
import org.openmiles.retention.api.RevenueConcentration;

/**
 * The retention dashboard for supervisors and marketing: how concentrated revenue is (the share of
 * the top 2.5 % of active members, and of each top band, over the last 12 months), read from the
 * retention module's aggregates. A section whose module cannot answer says so.
 */
@Named
@RequestScoped
public class RetentionBean {
  private static final Logger LOG = Logger.getLogger(RetentionBean.class.getName());
  static final int MONTHS = 12;

  @Inject RetentionStatistics statistics;
  @Inject AirlineTime time;

  private RevenueConcentration concentration;

  @PostConstruct
  void load() {
    LocalDate today = time.today();
    try {
      concentration = statistics.revenueConcentration(today.minusMonths(MONTHS), today);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "retention dashboard: cannot read the revenue concentration", e);
    }
  }

  public boolean isConcentrationAvailable() {
    return concentration != null;
  }

  public RevenueConcentration getConcentration() {
    return concentration;
  }

  /** The share of the top 2.5 % in percent with one decimal ("34.2"), or "–" without revenue. */
  public String getTopShare() {
    return concentration
        .band("2.5")
        .filter(b -> concentration.revenue().signum() > 0)
        .map(b -> percent(b.share()))
        .orElse("–");
  }

  public long getTopMembers() {
    return concentration.band("2.5").map(RevenueConcentration.Band::members).orElse(0L);
  }

  /** A band's share of the revenue in percent, one decimal. */
  public String percent(BigDecimal share) {
    return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  public String getConcentrationChart() {
    List<RevenueConcentration.Band> bands = concentration.bands();
    return ChartConfig.bars(
        "% of revenue",
        bands.stream()
            .map(b -> "top " + b.percent().stripTrailingZeros().toPlainString() + "%")
            .toList(),
        bands.stream()
            .map(b -> b.share().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue())
            .toList());
  }

  public String getConcentrationSummary() {
    return "Over the last "
        + MONTHS
        + " months the top 2.5% of the "
        + concentration.activeMembers()
        + " active members brought "
        + getTopShare()
        + "% of the revenue.";
  }
}
