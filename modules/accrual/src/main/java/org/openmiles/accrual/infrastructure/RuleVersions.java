package org.openmiles.accrual.infrastructure;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.openmiles.accrual.domain.Dated;
import org.openmiles.common.jdbc.Jdbc;

/** Reads effective-dated rule values: rows with the value, effective_from and effective_to. */
final class RuleVersions {
  private RuleVersions() {}

  /** The versions a query selects; {@code keys} bind its parameters in order. */
  static <T> List<Dated<T>> read(
      Jdbc jdbc, String what, String select, List<String> keys, Jdbc.Row<T> value) {
    return jdbc.list(
        what,
        select,
        (c, ps) -> {
          for (int k = 0; k < keys.size(); k++) {
            ps.setString(k + 1, keys.get(k));
          }
        },
        rs -> dated(rs, value.map(rs)));
  }

  /** A version of {@code value} with the row's effective_from and effective_to. */
  static <T> Dated<T> dated(ResultSet rs, T value) throws SQLException {
    Date to = rs.getDate("effective_to");
    return new Dated<>(
        value, rs.getDate("effective_from").toLocalDate(), to == null ? null : to.toLocalDate());
  }
}
