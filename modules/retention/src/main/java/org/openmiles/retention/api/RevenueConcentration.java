package org.openmiles.retention.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * How revenue is spread over the members active between {@code from} and {@code to} (a day with a
 * flight or a partner transaction): their number, the revenue (program currency), and for each top
 * band (the top 1 %, 2.5 %, 5 %, 10 %, 20 %, 50 % by revenue) its members and share of the revenue.
 */
public record RevenueConcentration(
    LocalDate from,
    LocalDate to,
    long activeMembers,
    BigDecimal revenue,
    String currency,
    List<Band> bands) {
  public RevenueConcentration {
    bands = List.copyOf(bands);
  }

  /** The top {@code percent} of active members by revenue: how many, their revenue and share. */
  public record Band(BigDecimal percent, long members, BigDecimal revenue, BigDecimal share) {}

  /** The band of the top {@code percent}, if computed. */
  public java.util.Optional<Band> band(String percent) {
    BigDecimal p = new BigDecimal(percent);
    return bands.stream().filter(b -> b.percent().compareTo(p) == 0).findFirst();
  }
}
