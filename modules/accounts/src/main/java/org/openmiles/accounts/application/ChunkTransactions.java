package org.openmiles.accounts.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * Runs one chunk of a ledger job as a new container-managed (EJB) transaction, which {@link
 * LedgerChunks} joins.
 *
 * <p>Why not the chunk's own {@code @Transactional(REQUIRES_NEW)}: the jobs run from EJB timers
 * (the schedulers in the app module), and there a CDI-begun transaction did not enlist the JDBC
 * connections, so each statement of a chunk committed on its own. A reader under load saw a hold
 * expiry's entry, hold and account apart, and chunks wrote accounts from reads no lock protected
 * any more (issue 16, ADR 0023 "The liability snapshot"). The same was found for Camel's threads
 * ({@code integration.bootstrap.ContainerWork}). A transaction the EJB container begins enlists
 * them on every thread, as on request threads.
 */
@Stateless
public class ChunkTransactions {

  /** {@code chunk} in a transaction of its own; an exception rolls it back and is passed on. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T inNewTransaction(Supplier<T> chunk) {
    return chunk.get();
  }
}
