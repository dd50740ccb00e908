package org.openmiles.cashmiles.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openmiles.accounts.api.PaymentHolds;
import org.openmiles.accounts.api.SourceReference;

/**
 * A Cash &amp; Miles payment's miles are held under {@code cm-<payment id>}: the payment captures,
 * voids and expires that hold, and the back office's hold operations leave it alone.
 */
@ApplicationScoped
public class CashMilesHolds implements PaymentHolds {
  private static final String PREFIX = "cm-";
  private static final Pattern REFERENCE = Pattern.compile(PREFIX + "[0-9]+");

  /** The reference of payment {@code id}'s hold. */
  static SourceReference of(long id) {
    return SourceReference.of(PREFIX + id);
  }

  @Override
  public Optional<String> paymentOf(SourceReference hold) {
    if (!REFERENCE.matcher(hold.value()).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        "Cash & Miles payment "
            + hold.value().substring(PREFIX.length())
            + ", which only its booking engine captures or voids (unresolved, it expires with its"
            + " hold)");
  }
}
