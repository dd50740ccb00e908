package org.openmiles.it.accounts;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.tx.RetriedTransaction;

/**
 * A retried transactional service for {@code LedgerServiceIT}: it writes a row, and its first
 * attempt then fails as PostgreSQL fails a deadlocked transaction (SQL state 40P01).
 */
@ApplicationScoped
@Transactional
@RetriedTransaction
public class RetriedWork {
  @Inject Jdbc jdbc;
  @Resource TransactionSynchronizationRegistry registry;

  private final List<Object> transactions = new CopyOnWriteArrayList<>();

  /** The transaction of each attempt, in order (a method: the bean is reached through a proxy). */
  public List<Object> transactions() {
    return List.copyOf(transactions);
  }

  public void writeThenFailOnce(String marker) {
    transactions.add(registry.getTransactionKey());
    jdbc.update(
        "write a marker",
        "insert into public.it_retried_work (marker) values (?)",
        (c, ps) -> ps.setString(1, marker));
    if (transactions.size() == 1) {
      throw new IllegalStateException("simulated", new SQLException("deadlock detected", "40P01"));
    }
  }
}
