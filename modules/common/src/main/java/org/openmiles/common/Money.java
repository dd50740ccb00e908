package org.openmiles.common;

import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in an ISO 4217 currency. Never a double: the amount is a {@link BigDecimal}
 * scaled to the currency's minor units, so {@code 10.5 USD} and {@code 10.50 USD} are equal.
 */
public record Money(
    BigDecimal amount, @JsonbTypeAdapter(Money.CurrencyJson.class) Currency currency) {

  /** JSON shows the currency as its ISO code. */
  public static final class CurrencyJson implements JsonbAdapter<Currency, String> {
    @Override
    public String adaptToJson(Currency c) {
      return c.getCurrencyCode();
    }

    @Override
    public Currency adaptFromJson(String code) {
      return Currency.getInstance(code);
    }
  }

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    if (amount.stripTrailingZeros().scale() > digits) {
      throw new IllegalArgumentException(
          "amount " + amount + " has more decimals than " + currency + " allows (" + digits + ")");
    }
    amount = amount.setScale(digits);
  }

  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
