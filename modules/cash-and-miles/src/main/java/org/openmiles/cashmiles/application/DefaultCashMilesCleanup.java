package org.openmiles.cashmiles.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.cashmiles.api.CashMilesCleanup;
import org.openmiles.cashmiles.domain.IdempotencyRepository;
import org.openmiles.cashmiles.domain.PaymentRepository;
import org.openmiles.common.jdbc.Chunks;

/**
 * Deletes quotes expired for longer than {@code openmiles.cashmiles.cleanup.quote-retention-hours}
 * (24) that no payment uses, and Idempotency-Keys created more than {@code
 * openmiles.cashmiles.idempotency.retention-hours} (24) ago: after that a request with an old key
 * is a new request. Chunks of {@value #CHUNK} rows, each its own transaction.
 */
@ApplicationScoped
public class DefaultCashMilesCleanup implements CashMilesCleanup {
  private static final Logger LOG = Logger.getLogger(DefaultCashMilesCleanup.class.getName());
  static final int CHUNK = 1000;

  @Inject PaymentRepository payments;
  @Inject IdempotencyRepository keys;

  @Inject
  @ConfigProperty(name = "openmiles.cashmiles.cleanup.quote-retention-hours", defaultValue = "24")
  long quoteRetentionHours;

  @Inject
  @ConfigProperty(name = "openmiles.cashmiles.idempotency.retention-hours", defaultValue = "24")
  long keyRetentionHours;

  @Override
  public Result cleanUp(Instant now) {
    Instant quotesBefore = now.minus(Duration.ofHours(quoteRetentionHours));
    Instant keysBefore = now.minus(Duration.ofHours(keyRetentionHours));
    int quotes =
        Chunks.untilShort(
            () -> payments.purgeUnusedQuotesExpiredBefore(quotesBefore, CHUNK), CHUNK);
    int keyRows = Chunks.untilShort(() -> keys.purgeCreatedBefore(keysBefore, CHUNK), CHUNK);
    Result r = new Result(now, quotes, keyRows);
    if (quotes + keyRows > 0) {
      LOG.info(
          () ->
              "Cash & Miles clean-up as of "
                  + now
                  + ": "
                  + r.quotesDeleted()
                  + " quotes, "
                  + r.idempotencyKeysDeleted()
                  + " Idempotency-Keys");
    }
    return r;
  }
}
