package org.openmiles.accounts.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.SourceReferenceConflictException;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.jdbc.Jdbc.JdbcException;

/**
 * The ledger repositories' statements, through the shared {@link Jdbc} on the transaction's
 * connection, with the one translation the ledger needs: a unique violation on a source reference
 * means a concurrent request used the same reference first (for another member, or as a hold and a
 * posting), the same refusal as a sequential reuse. Any other fault stays a {@link JdbcException}
 * (its SQL state tells a deadlock or serialization failure to the retry, ADR 0023).
 */
@ApplicationScoped
class LedgerSql {
  @Inject Jdbc jdbc;

  <T> List<T> list(String what, String sql, Jdbc.Binder binder, Jdbc.Row<T> row) {
    try {
      return jdbc.list(what, sql, binder, row);
    } catch (JdbcException e) {
      throw translate(e);
    }
  }

  <T> Optional<T> first(String what, String sql, Jdbc.Binder binder, Jdbc.Row<T> row) {
    return list(what, sql, binder, row).stream().findFirst();
  }

  int update(String what, String sql, Jdbc.Binder binder) {
    try {
      return jdbc.update(what, sql, binder);
    } catch (JdbcException e) {
      throw translate(e);
    }
  }

  private static RuntimeException translate(JdbcException e) {
    if ("23505".equals(e.sqlState()) && String.valueOf(e.getMessage()).contains("source_ref")) {
      return new SourceReferenceConflictException(
          "the source reference was used by another request at the same moment; "
              + "retry to see the first request's result");
    }
    return e;
  }

  static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
