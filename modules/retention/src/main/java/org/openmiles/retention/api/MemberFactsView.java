package org.openmiles.retention.api;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the program knows of a member's past, kept from the other modules' events (issue 19):
 * enrollment, first and last activity (a flight or a partner transaction), days with activity,
 * flights, partner transactions per category, revenue in the program currency, miles earned and
 * redeemed.
 */
public record MemberFactsView(
    String member,
    LocalDate enrolledOn,
    LocalDate firstActivity,
    LocalDate lastActivity,
    int activityDays,
    BigDecimal flights,
    int partnerTransactions,
    BigDecimal revenue,
    String currency,
    long milesEarned,
    long milesRedeemed,
    List<Category> partnerCategories)
    implements Serializable {
  public MemberFactsView {
    partnerCategories = List.copyOf(partnerCategories);
  }

  /** Partner transactions and spend (program currency) in one category (HOTEL, CAR, ...). */
  public record Category(String category, int transactions, BigDecimal spend)
      implements Serializable {}
}
