package org.openmiles.cashmiles.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import org.openmiles.cashmiles.domain.IdempotencyRepository;
import org.openmiles.common.idempotency.JdbcIdempotencyStore;

/**
 * {@code cashmiles.idempotency_key}, keyed by client id; its lock ids hash {@code
 * cashmiles-idempotency} first, as they always did.
 */
@ApplicationScoped
public class JdbcIdempotencyRepository extends JdbcIdempotencyStore
    implements IdempotencyRepository {

  public JdbcIdempotencyRepository() {
    super("cashmiles.idempotency_key", "client_id", "cashmiles-idempotency");
  }
}
