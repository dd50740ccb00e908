package org.openmiles.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct SQL on the test database, to check what the API cannot show: the invariants of the ledger
 * and that refused requests wrote nothing. Connection settings come from the same OPENMILES_DB_*
 * environment the server under test uses.
 */
public final class Db {
  private Db() {}

  public static Connection connect() throws SQLException {
    String url = env("OPENMILES_DB_URL");
    return DriverManager.getConnection(url, env("OPENMILES_DB_USER"), env("OPENMILES_DB_PASSWORD"));
  }

  private static String env(String name) {
    String v = System.getenv(name);
    if (v == null) {
      throw new IllegalStateException(name + " is not set: run the tests with ./openmiles test");
    }
    return v;
  }

  public static long count(String sql, Object... params) {
    return firstColumn(sql, params, rs -> rs.getLong(1));
  }

  /** The first column of the first row, as text (null when there is no row). */
  public static String text(String sql, Object... params) {
    return firstColumn(sql, params, rs -> rs.getString(1));
  }

  private interface Column<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static <T> T firstColumn(String sql, Object[] params, Column<T> column) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? column.read(rs) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one statement (test set-up such as a program rule row); returns the rows it changed. */
  public static int update(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows of the whole ledger, for "nothing was written" checks. */
  public static long ledgerRows() {
    return count(
        "select (select count(*) from accounts.ledger_entry) + (select count(*) from accounts.hold)"
            + " + (select count(*) from accounts.expiry_lot) + (select count(*) from accounts.member)");
  }

  /**
   * Every way the ledger could be inconsistent, one line per member and broken rule; empty when all
   * invariants hold: balance = sum of entries, held = sum of held changes = sum of active holds,
   * available >= 0, lots cover the balance exactly, each entry's balance_after is the running sum.
   */
  public static List<String> invariantViolations() {
    String perMember =
        "select m.member_number, a.balance, a.held, coalesce(e.amount, 0), coalesce(e.held, 0),"
            + " coalesce(h.active, 0), coalesce(l.remaining, 0)"
            + " from accounts.account a join accounts.member m on m.id = a.member_id"
            + " left join (select member_id, sum(amount) amount, sum(held_delta) held"
            + "   from accounts.ledger_entry group by member_id) e on e.member_id = a.member_id"
            + " left join (select member_id, sum(amount) active from accounts.hold"
            + "   where status = 'ACTIVE' group by member_id) h on h.member_id = a.member_id"
            + " left join (select member_id, sum(remaining) remaining from accounts.expiry_lot"
            + "   group by member_id) l on l.member_id = a.member_id"
            + " where a.balance <> coalesce(e.amount, 0) or a.held <> coalesce(e.held, 0)"
            + " or a.held <> coalesce(h.active, 0) or a.balance - a.held < 0"
            + " or a.balance <> coalesce(l.remaining, 0)";
    String runningBalance =
        "select member_id, id, balance_after, running from (select member_id, id, balance_after,"
            + " sum(amount) over (partition by member_id order by id) running"
            + " from accounts.ledger_entry) x where balance_after <> running";
    List<String> out = new ArrayList<>();
    try (Connection c = connect()) {
      try (PreparedStatement ps = c.prepareStatement(perMember);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              "member %s: balance %d held %d, entries sum %d held sum %d, active holds %d, lots %d"
                  .formatted(
                      rs.getString(1),
                      rs.getLong(2),
                      rs.getLong(3),
                      rs.getLong(4),
                      rs.getLong(5),
                      rs.getLong(6),
                      rs.getLong(7)));
        }
      }
      try (PreparedStatement ps = c.prepareStatement(runningBalance);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              "member id %d entry %d: balance_after %d but running sum %d"
                  .formatted(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
