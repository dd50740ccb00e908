package org.openmiles.integration.bootstrap;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;

/**
 * Runs one unit of route work (a chunk of a file) as a container-managed EJB transaction.
 *
 * <p>Why: on Camel's threads, even ones made by the container's {@code ManagedThreadFactory}, a
 * {@code @Transactional} CDI service begins a JTA transaction but its JDBC connections are not
 * enlisted in it: they run in auto-commit, so a chunk's records and its ledger entries could commit
 * separately. CrashRecoveryIT, which kills the server mid-file, found exactly that. A transaction
 * begun by the EJB container around the work enlists them, as on request threads. Outside a
 * container (route tests) it is a plain call.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class ContainerWork {

  /**
   * Runs {@code work} as one transaction (the services' {@code @Transactional} boundaries join it)
   * and returns its result; any exception rolls it back and is rethrown as is.
   */
  public <T> T inTransaction(Callable<T> work) throws Exception {
    try {
      return work.call();
    } catch (Exception e) {
      jakarta.transaction.TransactionSynchronizationRegistry registry = registry();
      if (registry != null) {
        registry.setRollbackOnly();
      }
      throw e;
    }
  }

  private static jakarta.transaction.TransactionSynchronizationRegistry registry() {
    try {
      return (jakarta.transaction.TransactionSynchronizationRegistry)
          new javax.naming.InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
    } catch (javax.naming.NamingException e) {
      return null; // outside a container
    }
  }
}
