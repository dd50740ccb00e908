package org.openmiles.retention.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The aggregates the dashboards read, over the member days. */
public interface RetentionAggregates {
  /** The top bands ({@code percents}, e.g. 2.5) of the members active in the range by revenue. */
  Concentration concentration(LocalDate from, LocalDate to, List<BigDecimal> percents);

  /** Active members, their revenue, and per band (in the order asked): members and revenue. */
  record Concentration(long members, BigDecimal revenue, List<Band> bands) {}

  /** One top band's members and revenue. */
  record Band(long members, BigDecimal revenue) {}
}
