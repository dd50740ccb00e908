package org.openmiles.accrual.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a coupon was sold at: the booking class (one letter), the fare basis ({@code ""} when the
 * file gives none) and the base fare in {@code currency} (ISO 4217), which the revenue earn model
 * and qualifying spend read.
 */
public record Fare(String bookingClass, String fareBasis, BigDecimal baseFare, String currency) {

  public Fare {
    Objects.requireNonNull(bookingClass, "bookingClass");
    Objects.requireNonNull(baseFare, "baseFare");
    Objects.requireNonNull(currency, "currency");
    fareBasis = fareBasis == null ? "" : fareBasis;
  }
}
