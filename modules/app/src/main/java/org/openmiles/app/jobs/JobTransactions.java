package org.openmiles.app.jobs;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * Runs a scheduled job's (or the demo data's) unit of work in a transaction the EJB container
 * begins, which the services' CDI {@code @Transactional} boundaries join.
 *
 * <p>The schedulers are EJB timers with {@code NOT_SUPPORTED}. From there, a transaction begun by a
 * CDI service's own {@code @Transactional} did not enlist the JDBC connections: each statement
 * committed on its own, so a unit that failed half-way kept its first half (an override ended
 * without its history, expiry notices recorded as sent without being sent). The ledger's chunks
 * were the first found ({@code accounts.application.ChunkTransactions}, ADR 0023); this is the same
 * fix for the other jobs. Callers go through {@link TransactionalJobs}, which runs the whole unit
 * again when the database aborts it for a deadlock or a serialization failure.
 */
@Stateless
public class JobTransactions {

  /** {@code work} in a transaction of its own; an exception rolls it back and is passed on. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T inNewTransaction(Supplier<T> work) {
    return work.get();
  }
}
