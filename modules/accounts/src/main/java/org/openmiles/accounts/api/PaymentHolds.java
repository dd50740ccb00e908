package org.openmiles.accounts.api;

import java.util.Optional;

/**
 * Holds that belong to a payment another module keeps, such as a Cash &amp; Miles payment's {@code
 * cm-<id>}: only that payment captures or releases them, so that a hold and its payment never
 * disagree (a hold released behind the payment's back left it AUTHORIZED with a capture that could
 * only fail). The module that places such holds implements this as a CDI bean; the back office's
 * hold operations ({@code /api/v1/holds/...}) refuse to resolve those holds with {@link
 * HoldBelongsToPaymentException}, and nobody may place a hold under such a reference.
 */
public interface PaymentHolds {
  /**
   * When {@code hold} is (or would be) one of this module's payment holds: a sentence naming the
   * payment and how it is resolved, for the person who tried; otherwise empty.
   */
  Optional<String> paymentOf(SourceReference hold);
}
