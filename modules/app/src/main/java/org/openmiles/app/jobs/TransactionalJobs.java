package org.openmiles.app.jobs;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.openmiles.common.tx.TransactionRetry;

/**
 * Runs a scheduled job whose work is one unit, once per cluster ({@link ClusterLock}), as one
 * container transaction ({@link JobTransactions}), run again from the start when PostgreSQL aborts
 * it for a deadlock or a serialization failure (ADR 0023). The retry sits outside the transaction,
 * so each attempt is a new one; only units safe to repeat whole come here: everything they write is
 * in their transaction, and their events reach after-commit observers only for the attempt that
 * commits.
 */
@ApplicationScoped
public class TransactionalJobs {
  @Inject ClusterLock lock;
  @EJB JobTransactions transactions;

  /** Runs {@code work} as described; true if this node ran it. */
  public boolean runOnce(String name, Supplier<?> work) {
    return lock.runExclusively(name, () -> inOneTransaction(name, work));
  }

  /**
   * Runs one firing of a scheduled job as described, on one node ({@link ClusterLock#runFiring}).
   */
  public boolean runFiring(String name, Duration granularity, Supplier<?> work) {
    return lock.runFiring(name, granularity, () -> inOneTransaction(name, work));
  }

  private void inOneTransaction(String name, Supplier<?> work) {
    try {
      TransactionRetry.run("job " + name, () -> transactions.inNewTransaction(work));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("job " + name + " failed: " + e.getMessage(), e);
    }
  }
}
