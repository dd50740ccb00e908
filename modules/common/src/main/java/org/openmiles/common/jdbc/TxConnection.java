package org.openmiles.common.jdbc;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * One connection handle per data source and JTA transaction (ADR 0016, 2026-11-29 evening): the
 * first statement of a transaction asks the pool for a handle, the later ones reuse it, and the
 * handle is closed when the transaction completes. Asking the pool on every statement made the
 * connection manager find the transaction's connection again each time (about 12 % of the request
 * threads' time on the Cash &amp; Miles path). Outside an active transaction every lease is a fresh
 * handle, closed by {@link #close()} as before.
 *
 * <pre>{@code
 * try (TxConnection tx = TxConnection.open(dataSource);
 *     PreparedStatement ps = tx.connection().prepareStatement(sql)) { ... }
 * }</pre>
 *
 * Callers must leave the connection as they found it (no auto-commit, isolation or read-only
 * changes): the next statement of the transaction gets the same handle.
 */
public final class TxConnection implements AutoCloseable {
  private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";
  private static volatile TransactionSynchronizationRegistry registry;
  private static volatile boolean noRegistry;

  private final Connection connection;
  private final boolean shared;

  private TxConnection(Connection connection, boolean shared) {
    this.connection = connection;
    this.shared = shared;
  }

  /** The current transaction's handle on {@code dataSource}, or a fresh handle outside one. */
  public static TxConnection open(DataSource dataSource) throws SQLException {
    TransactionSynchronizationRegistry tsr = registry();
    if (tsr == null || tsr.getTransactionStatus() != Status.STATUS_ACTIVE) {
      return new TxConnection(dataSource.getConnection(), false);
    }
    Object held = tsr.getResource(dataSource);
    if (held instanceof Connection c) {
      return new TxConnection(c, true);
    }
    Connection c = dataSource.getConnection();
    try {
      tsr.registerInterposedSynchronization(new CloseAtEnd(c));
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    tsr.putResource(dataSource, c);
    return new TxConnection(c, true);
  }

  public Connection connection() {
    return connection;
  }

  /** Closes a handle taken outside a transaction; the transaction's handle stays open. */
  @Override
  public void close() throws SQLException {
    if (!shared) {
      connection.close();
    }
  }

  private static TransactionSynchronizationRegistry registry() {
    TransactionSynchronizationRegistry r = registry;
    if (r != null || noRegistry) {
      return r;
    }
    try {
      r = (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY);
      registry = r;
    } catch (NamingException | RuntimeException e) {
      noRegistry = true; // plain Java (unit tests): no container transactions to share in
    }
    return r;
  }

  /** Closes the transaction's handle once it committed or rolled back. */
  private record CloseAtEnd(Connection connection) implements Synchronization {
    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      try {
        connection.close();
      } catch (SQLException e) {
        // the pool takes the physical connection back with the transaction anyway
      }
    }
  }
}
