package org.openmiles.common.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Plain JDBC for the set-based paths, without the ceremony: every statement runs on the current
 * transaction's connection, closes what it opens, and turns a {@link SQLException} into an
 * unchecked exception (which rolls the transaction back) naming what was being done.
 */
public final class Jdbc {

  /** Sets a statement's parameters; gets the connection too, for {@code createArrayOf}. */
  @FunctionalInterface
  public interface Binder {
    void bind(Connection c, PreparedStatement ps) throws SQLException;
  }

  /** Maps the current row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> List<T> list(String what, String sql, Binder binder, Row<T> row) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(c, ps);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new JdbcException(what, e);
    }
  }

  public <T> Optional<T> first(String what, String sql, Binder binder, Row<T> row) {
    return list(what, sql, binder, row).stream().findFirst();
  }

  public int update(String what, String sql, Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(c, ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new JdbcException(what, e);
    }
  }

  /**
   * Rows turned into columns, one array per column for {@code unnest(...)}: {@code values} gives a
   * row's {@code width} column values in order.
   */
  public static <T> Object[][] columns(List<T> rows, int width, Function<T, Object[]> values) {
    Object[][] cols = new Object[width][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Object[] v = values.apply(rows.get(i));
      if (v.length != width) {
        throw new IllegalArgumentException("a row has " + v.length + " values, not " + width);
      }
      for (int k = 0; k < width; k++) {
        cols[k][i] = v[k];
      }
    }
    return cols;
  }

  /**
   * An array parameter of SQL element type {@code type} holding {@code values} (nulls allowed), for
   * {@code = any(?)} and {@code unnest(...)}. pgjdbc sends an array of a Java element type it knows
   * ({@code Long[]}, {@code Integer[]}, {@code Short[]}, {@code Double[]}, {@code String[]}) in
   * PostgreSQL's binary array format, but an {@code Object[]} as text that it quotes element by
   * element and the server parses back: for a 2,000-row chunk insert of a dozen columns that was a
   * large part of both the JVM's and the server's work per record (ADR 0017). Other element types
   * (numeric, date) go as they are.
   */
  public static java.sql.Array array(Connection c, String type, Object[] values)
      throws SQLException {
    return c.createArrayOf(type, typed(type, values));
  }

  /** The same, from a collection. */
  public static java.sql.Array array(Connection c, String type, java.util.Collection<?> values)
      throws SQLException {
    return array(c, type, values.toArray());
  }

  /** {@code values} as an array of the Java type pgjdbc encodes in binary for {@code type}. */
  static Object[] typed(String type, Object[] values) {
    Object[] out =
        switch (type.toLowerCase(java.util.Locale.ROOT)) {
          case "bigint", "int8" -> new Long[values.length];
          case "integer", "int", "int4" -> new Integer[values.length];
          case "smallint", "int2" -> new Short[values.length];
          case "varchar", "text" -> new String[values.length];
          case "float8", "double precision" -> new Double[values.length];
          default -> null;
        };
    if (out == null || out.getClass() == values.getClass()) {
      return values;
    }
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        continue;
      }
      if (out instanceof String[]) {
        out[i] = v.toString();
        continue;
      }
      if (out instanceof Double[]) {
        if (!(v instanceof Double || v instanceof Float)) {
          return values; // a decimal or a whole number: as text, exactly as given
        }
        out[i] = ((Number) v).doubleValue();
        continue;
      }
      if (!(v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
        return values; // not a whole number: as text, the server says what is wrong with it
      }
      long n = ((Number) v).longValue();
      if (out instanceof Long[]) {
        out[i] = n;
      } else if (out instanceof Integer[] && n == (int) n) {
        out[i] = (int) n;
      } else if (out instanceof Short[] && n == (short) n) {
        out[i] = (short) n;
      } else {
        return values; // out of the type's range: as text, the server refuses it
      }
    }
    return out;
  }

  /**
   * Binds column {@code k} of {@code cols} as array parameter {@code k + 1} of element type {@code
   * types[k]} ({@link #array}): the binder of an {@code unnest(}{@link #unnestParameters}{@code )}
   * over the same types.
   */
  public static Binder arrays(Object[][] cols, String... types) {
    return (c, ps) -> {
      for (int k = 0; k < types.length; k++) {
        ps.setArray(k + 1, array(c, types[k], cols[k]));
      }
    };
  }

  /**
   * The parameter list of an {@code unnest(...)} over one array parameter per column, each cast to
   * its array type: {@code unnestParameters("int", "date")} is {@code "?::int[], ?::date[]"}.
   */
  public static String unnestParameters(String... casts) {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < casts.length; k++) {
      out.append(k == 0 ? "" : ", ").append("?::").append(casts[k]).append("[]");
    }
    return out.toString();
  }

  /** Column {@code column} of the current row as a {@code Long}; null for SQL NULL. */
  public static Long longOrNull(java.sql.ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  /** Column {@code column} of the current row as a {@code LocalDate}; null for SQL NULL. */
  public static java.time.LocalDate dateOrNull(java.sql.ResultSet rs, String column)
      throws SQLException {
    java.sql.Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  /** A database fault, with what was being done and the SQL state. */
  public static final class JdbcException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String sqlState;

    JdbcException(String what, SQLException cause) {
      super("cannot " + what + " (" + cause.getSQLState() + "): " + cause.getMessage(), cause);
      this.sqlState = cause.getSQLState();
    }

    public String sqlState() {
      return sqlState;
    }
  }
}
