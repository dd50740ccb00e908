package org.openmiles.accounts.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.openmiles.accounts.api.HoldBelongsToPaymentException;
import org.openmiles.accounts.api.PaymentHolds;
import org.openmiles.accounts.api.SourceReference;

/**
 * Keeps the back office's hold operations off the holds that payments own ({@link PaymentHolds}).
 * Only the API adapters ask it: the payment's own module resolves its holds through the ledger.
 */
@ApplicationScoped
public class PaymentHoldGuard {
  @Inject Instance<PaymentHolds> modules;

  /** The payment {@code hold} belongs to, in a sentence; empty when it belongs to none. */
  Optional<String> paymentOf(SourceReference hold) {
    for (PaymentHolds m : modules) {
      Optional<String> payment = m.paymentOf(hold);
      if (payment.isPresent()) {
        return payment;
      }
    }
    return Optional.empty();
  }

  /** Refuses to capture or release a payment's hold from outside that payment. */
  void requireNotAPaymentsHold(SourceReference hold, String action) {
    paymentOf(hold)
        .ifPresent(
            payment -> {
              throw new HoldBelongsToPaymentException(
                  "hold "
                      + hold.value()
                      + " belongs to "
                      + payment
                      + "; it cannot be "
                      + action
                      + " here");
            });
  }
}
