package org.openmiles.accrual.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much a partner record earns on: {@code quantity} counts nights, days or money in {@code
 * currency} depending on {@code basis} ({@code currency} is null unless the basis is money).
 */
public record ActivityAmount(EarnBasis basis, BigDecimal quantity, String currency) {

  public ActivityAmount {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(quantity, "quantity");
  }
}
