package org.openmiles.accounts.infrastructure;

import java.sql.SQLException;

/**
 * A database fault under the ledger. Unchecked so that it rolls the JTA transaction back; carries
 * the SQL state so callers can tell a unique violation (a concurrent duplicate) from an outage.
 */
public class LedgerStorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  public LedgerStorageException(String sql, SQLException cause) {
    super(
        "ledger statement failed ("
            + cause.getSQLState()
            + "): "
            + cause.getMessage()
            + " -- "
            + sql,
        cause);
    this.sqlState = cause.getSQLState();
  }

  public String sqlState() {
    return sqlState;
  }
}
