package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.common.jdbc.Chunks;
import org.openmiles.retention.api.RetentionCleanup;
import org.openmiles.retention.domain.IdempotencyRepository;

/**
 * Deletes the retention API's Idempotency-Keys (engagement actions, NPS answers, consents, run
 * starts) created more than {@code openmiles.retention.idempotency.retention-hours} (168, a week)
 * ago, {@value #CHUNK} rows per transaction: after that a request with an old key is a new request.
 * An engagement action's bonus stays once per action id whatever becomes of its key.
 */
@ApplicationScoped
public class DefaultRetentionCleanup implements RetentionCleanup {
  private static final Logger LOG = Logger.getLogger(DefaultRetentionCleanup.class.getName());
  static final int CHUNK = 1000;

  @Inject IdempotencyRepository keys;

  @Inject
  @ConfigProperty(name = "openmiles.retention.idempotency.retention-hours", defaultValue = "168")
  long keyRetentionHours;

  @Override
  public int purgeIdempotencyKeys(Instant now) {
    Instant before = now.minus(Duration.ofHours(keyRetentionHours));
    int n = Chunks.untilShort(() -> keys.purgeCreatedBefore(before, CHUNK), CHUNK);
    if (n > 0) {
      LOG.info(() -> "retention clean-up: " + n + " Idempotency-Keys created before " + before);
    }
    return n;
  }
}
