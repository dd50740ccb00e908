package org.openmiles.retention.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * Runs one step of a scoring run as a new container-managed (EJB) transaction: the run goes on a
 * managed executor thread or the nightly EJB timer, where a CDI-begun transaction did not enlist
 * the JDBC connections (see accounts' {@code ChunkTransactions}, ADR 0023). Each step commits on
 * its own, so the run's progress is visible while it runs; the scores themselves are published by
 * one step, all or nothing.
 */
@Stateless
public class ScoringTransactions {

  /** {@code step} in a transaction of its own; an exception rolls it back and is passed on. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T inNewTransaction(Supplier<T> step) {
    return step.get();
  }
}
