package org.openmiles.retention.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The members of one movement, by member number; {@code total} counts them all. */
public record MovementMembersPage(
    String from, String to, long total, int limit, int offset, List<Item> items) {

  public MovementMembersPage {
    items = List.copyOf(items);
  }

  /** A member who moved on {@code changedOn} (the run's date), with their current CLV. */
  public record Item(String member, LocalDate changedOn, String currentSegment, BigDecimal clv) {}
}
