package org.openmiles.it.support;

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

  /**
   * A connection as the cluster's superuser ({@code postgres}) to its maintenance database {@code
   * postgres}: the private cluster of {@code ./openmiles} trusts local connections (initdb {@code
   * --auth=trust}), so no password is needed. For what the application's role may not do, such as
   * refusing connections to the test database for a while.
   */
  public static Connection connectAsSuperuser() throws SQLException {
    String url = env("OPENMILES_DB_URL");
    String maintenance = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    return DriverManager.getConnection(maintenance, "postgres", "");
  }

  /** The name of the test database, as the application's URL gives it. */
  public static String databaseName() {
    String url = env("OPENMILES_DB_URL");
    String name = url.substring(url.lastIndexOf('/') + 1);
    int q = name.indexOf('?');
    return q < 0 ? name : name.substring(0, q);
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

  /** The first column of every row, as text, in the statement's order. */
  public static List<String> strings(String sql, Object... params) {
    return query(
        sql,
        params,
        rs -> {
          List<String> out = new ArrayList<>();
          while (rs.next()) {
            out.add(rs.getString(1));
          }
          return out;
        });
  }

  private interface Column<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static <T> T firstColumn(String sql, Object[] params, Column<T> column) {
    return query(sql, params, rs -> rs.next() ? column.read(rs) : null);
  }

  /** Runs {@code sql} with {@code params} and reads its whole result with {@code read}. */
  private static <T> T query(String sql, Object[] params, Column<T> read) {
    try (Connection c = connect();
        PreparedStatement ps = bound(c, sql, params);
        ResultSet rs = ps.executeQuery()) {
      return read.read(rs);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one statement (test set-up such as a program rule row); returns the rows it changed. */
  public static int update(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement ps = bound(c, sql, params)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code sql} prepared on {@code c} with {@code params} bound in order. */
  private static PreparedStatement bound(Connection c, String sql, Object[] params)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps;
  }

  /**
   * The ledger's totals as one statement sees them: held miles on the accounts, in active holds and
   * as the sum of the entries' held changes; balances on the accounts and as the sum of the
   * entries. A single statement reads one snapshot, so at any moment the pairs must agree; if a
   * step of a hold committed its parts separately, a reader between the commits sees them apart.
   */
  public record Liability(
      long accountHeld,
      long activeHolds,
      long entryHeld,
      long accountBalance,
      long entryBalance,
      List<String> membersApart) {
    Liability explained(List<String> members) {
      return new Liability(
          accountHeld, activeHolds, entryHeld, accountBalance, entryBalance, members);
    }

    public boolean consistent() {
      return accountHeld == activeHolds
          && activeHolds == entryHeld
          && accountBalance == entryBalance;
    }
  }

  /** Reads {@link Liability} in one REPEATABLE READ statement on {@code c}. */
  public static Liability liability(Connection c) throws SQLException {
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try (PreparedStatement ps =
            c.prepareStatement(
                "select (select coalesce(sum(held), 0) from accounts.account),"
                    + " (select coalesce(sum(amount), 0) from accounts.hold"
                    + " where status = 'ACTIVE'),"
                    + " (select coalesce(sum(held_delta), 0) from accounts.ledger_entry),"
                    + " (select coalesce(sum(balance), 0) from accounts.account),"
                    + " (select coalesce(sum(amount), 0) from accounts.ledger_entry)");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      Liability l =
          new Liability(
              rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), List.of());
      return l.consistent() ? l : l.explained(membersApart(c));
    } finally {
      c.rollback();
    }
  }

  /**
   * In the same snapshot: each member whose account row disagrees with its entries or holds, with
   * the transaction ids (xmin) that wrote the account row and the member's last entry and hold.
   */
  private static List<String> membersApart(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "select a.member_id, a.balance, a.held, a.xmin::text, e.amount, e.held,"
                    + " coalesce(h.active, 0),"
                    + " (select x.entry_type || ' ' || x.source_ref || ' xmin ' || x.xmin::text"
                    + " from accounts.ledger_entry x where x.member_id = a.member_id"
                    + " order by x.id desc limit 1),"
                    + " (select y.status || ' ' || y.source_ref || ' xmin ' || y.xmin::text"
                    + " from accounts.hold y where y.member_id = a.member_id"
                    + " order by coalesce(y.resolved_at, y.created_at) desc limit 1)"
                    + " from accounts.account a"
                    + " join (select member_id, sum(amount) amount, sum(held_delta) held"
                    + " from accounts.ledger_entry group by member_id) e"
                    + " on e.member_id = a.member_id"
                    + " left join (select member_id, sum(amount) active from accounts.hold"
                    + " where status = 'ACTIVE' group by member_id) h on h.member_id = a.member_id"
                    + " where a.balance <> e.amount or a.held <> e.held"
                    + " or a.held <> coalesce(h.active, 0)");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            "member id %d: account balance %d held %d (xmin %s), entries %d held %d, active holds %d; last entry %s; last hold %s"
                .formatted(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getString(8),
                    rs.getString(9)));
      }
    }
    return out;
  }

  /**
   * The ledger's rows of one member (entries, holds, expiry lots): what a refused request or file
   * about that member must leave as it was, whatever else the server does meanwhile.
   */
  public static long ledgerRowsOf(String member) {
    return count(
        "select (select count(*) from accounts.ledger_entry e where e.member_id = m.id)"
            + " + (select count(*) from accounts.hold h where h.member_id = m.id)"
            + " + (select count(*) from accounts.expiry_lot l where l.member_id = m.id)"
            + " from accounts.member m where m.member_number = ?",
        member);
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
