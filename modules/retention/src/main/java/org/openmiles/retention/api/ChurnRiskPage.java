package org.openmiles.retention.api;

import java.math.BigDecimal;
import java.util.List;

/** A page of the churn-risk list, highest CLV first; {@code total} counts every matching member. */
public record ChurnRiskPage(long total, int limit, int offset, List<Item> items) {

  public ChurnRiskPage {
    items = List.copyOf(items);
  }

  /** A member at risk, with the codes of their reasons. */
  public record Item(
      String member,
      String segment,
      String tier,
      double pAlive,
      BigDecimal clv,
      int recencyDays,
      List<String> reasons) {
    public Item {
      reasons = List.copyOf(reasons);
    }
  }
}
