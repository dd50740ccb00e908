package org.openmiles.retention.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import org.openmiles.common.idempotency.JdbcIdempotencyStore;
import org.openmiles.retention.domain.IdempotencyRepository;

/**
 * {@code retention.idempotency_key}, keyed by caller; lock ids hash {@code retention-idempotency}.
 */
@ApplicationScoped
public class JdbcIdempotencyRepository extends JdbcIdempotencyStore
    implements IdempotencyRepository {

  public JdbcIdempotencyRepository() {
    super("retention.idempotency_key", "caller", "retention-idempotency");
  }
}
