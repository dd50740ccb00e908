package org.openmiles.accounts.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.HoldStatus;
import org.openmiles.accounts.api.HoldView;
import org.openmiles.accounts.api.LedgerEntryView;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accounts.api.SourceReferenceConflictException;
import org.openmiles.accounts.domain.Account;
import org.openmiles.accounts.domain.ExpiryLots;
import org.openmiles.accounts.domain.ExpiryPolicy;
import org.openmiles.accounts.domain.LedgerRepository;
import org.openmiles.common.jdbc.Jdbc;

/** The ledger in PostgreSQL, through the application's JTA data source. */
@ApplicationScoped
public class JdbcLedgerRepository implements LedgerRepository {

  @Inject DataSource dataSource;

  @Override
  public void createAccount(long memberId) {
    update("insert into accounts.account (member_id) values (?)", ps -> ps.setLong(1, memberId));
  }

  private static final String LOCKED_ACCOUNT =
      "select m.id, m.member_number, m.status, a.balance, a.held, a.last_activity_on"
          + " from accounts.member m join accounts.account a on a.member_id = m.id";

  @Override
  public Map<MemberNumber, Account> lockAccounts(Collection<MemberNumber> members) {
    Map<MemberNumber, Account> out = new LinkedHashMap<>();
    query(
        LOCKED_ACCOUNT + " where m.member_number = any(?) order by m.id for update of a",
        (c, ps) ->
            ps.setArray(
                1, Jdbc.array(c, "varchar", members.stream().map(MemberNumber::value).toArray())),
        rs -> {
          Account a = account(rs);
          out.put(a.number(), a);
        });
    return out;
  }

  @Override
  public Optional<Account> lockAccountOfHold(String sourceRef) {
    List<Account> out = new ArrayList<>(1);
    query(
        LOCKED_ACCOUNT
            + " where a.member_id = (select h.member_id from accounts.hold h"
            + " where h.source_ref = ?) for update of a",
        (c, ps) -> ps.setString(1, sourceRef),
        rs -> out.add(account(rs)));
    return out.stream().findFirst();
  }

  private static Account account(ResultSet rs) throws SQLException {
    return new Account(
        rs.getLong(1),
        new MemberNumber(rs.getString(2)),
        MemberStatus.valueOf(rs.getString(3)),
        rs.getLong(4),
        rs.getLong(5),
        toLocalDate(rs.getDate(6)));
  }

  @Override
  public Map<String, StoredEntry> findEntries(Collection<String> sourceRefs) {
    Map<String, StoredEntry> out = new HashMap<>();
    if (sourceRefs.isEmpty()) {
      return out;
    }
    String sql =
        "select e.id, m.member_number, e.entry_type, e.amount, e.balance_after, e.source_ref"
            + " from accounts.ledger_entry e join accounts.member m on m.id = e.member_id"
            + " where e.source_ref = any(?)";
    query(
        sql,
        (c, ps) -> ps.setArray(1, Jdbc.array(c, "varchar", sourceRefs.toArray())),
        rs ->
            out.put(
                rs.getString(6),
                new StoredEntry(
                    rs.getLong(1),
                    new MemberNumber(rs.getString(2)),
                    EntryType.valueOf(rs.getString(3)),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getString(6))));
    return out;
  }

  @Override
  public Map<String, Long> insertEntries(List<NewEntry> entries) {
    Map<String, Long> ids = new HashMap<>();
    if (entries.isEmpty()) {
      return ids;
    }
    int n = entries.size();
    Object[] member = new Object[n];
    Object[] type = new Object[n];
    Object[] amount = new Object[n];
    Object[] held = new Object[n];
    Object[] after = new Object[n];
    Object[] ref = new Object[n];
    Object[] hold = new Object[n];
    Object[] date = new Object[n];
    Object[] desc = new Object[n];
    Object[] qm = new Object[n];
    Object[] qf = new Object[n];
    Object[] qs = new Object[n];
    boolean spend = false;
    for (int i = 0; i < n; i++) {
      NewEntry e = entries.get(i);
      qm[i] = e.qualifying().miles();
      qf[i] = e.qualifying().flights();
      qs[i] = e.qualifying().spend();
      spend |= e.qualifying().spend().signum() != 0;
      member[i] = e.memberId();
      type[i] = e.type().name();
      amount[i] = e.amount();
      held[i] = e.heldDelta();
      after[i] = e.balanceAfter();
      ref[i] = e.sourceRef();
      hold[i] = e.holdId();
      date[i] = e.activityDate().toString();
      desc[i] = e.description();
    }
    // qualifying spend only when a posting of the batch carries some (flown coupons under a program
    // that counts spend): every other batch keeps the column's default and sends no array for it
    boolean withSpend = spend;
    String sql =
        "insert into accounts.ledger_entry (member_id, entry_type, amount, held_delta, balance_after,"
            + " source_ref, hold_id, activity_date, description, qualifying_miles, qualifying_flights"
            + (withSpend ? ", qualifying_spend" : "")
            + ") select * from unnest(?::bigint[], ?::varchar[], ?::bigint[], ?::bigint[],"
            + " ?::bigint[], ?::varchar[], ?::bigint[], ?::date[], ?::varchar[], ?::bigint[],"
            + " ?::numeric[]"
            + (withSpend ? ", ?::numeric[]" : "")
            + ") returning id, source_ref";
    query(
        sql,
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "bigint", member));
          ps.setArray(2, Jdbc.array(c, "varchar", type));
          ps.setArray(3, Jdbc.array(c, "bigint", amount));
          ps.setArray(4, Jdbc.array(c, "bigint", held));
          ps.setArray(5, Jdbc.array(c, "bigint", after));
          ps.setArray(6, Jdbc.array(c, "varchar", ref));
          ps.setArray(7, Jdbc.array(c, "bigint", hold));
          ps.setArray(8, Jdbc.array(c, "varchar", date));
          ps.setArray(9, Jdbc.array(c, "varchar", desc));
          ps.setArray(10, Jdbc.array(c, "bigint", qm));
          ps.setArray(11, Jdbc.array(c, "numeric", qf));
          if (withSpend) {
            ps.setArray(12, Jdbc.array(c, "numeric", qs));
          }
        },
        rs -> ids.put(rs.getString(2), rs.getLong(1)));
    return ids;
  }

  @Override
  public void insertLots(List<NewLot> lots) {
    if (lots.isEmpty()) {
      return;
    }
    int n = lots.size();
    Object[] member = new Object[n];
    Object[] entry = new Object[n];
    Object[] expires = new Object[n];
    Object[] miles = new Object[n];
    for (int i = 0; i < n; i++) {
      NewLot l = lots.get(i);
      member[i] = l.memberId();
      entry[i] = l.entryId();
      expires[i] = l.expiresOn().toString();
      miles[i] = l.miles();
    }
    update(
        "insert into accounts.expiry_lot (member_id, entry_id, expires_on, original, remaining)"
            + " select m, e, x, q, q from unnest(?::bigint[], ?::bigint[], ?::date[], ?::bigint[])"
            + " as t(m, e, x, q)",
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "bigint", member));
          ps.setArray(2, Jdbc.array(c, "bigint", entry));
          ps.setArray(3, Jdbc.array(c, "varchar", expires));
          ps.setArray(4, Jdbc.array(c, "bigint", miles));
        });
  }

  @Override
  public void addToPooledLots(List<PooledCredit> credits) {
    if (credits.isEmpty()) {
      return;
    }
    // one row per (member, expiry date) in the statement: an upsert may not touch a row twice
    Map<Long, Map<LocalDate, Long>> sums = new LinkedHashMap<>();
    for (PooledCredit c : credits) {
      sums.computeIfAbsent(c.memberId(), k -> new HashMap<>())
          .merge(c.expiresOn(), c.miles(), Long::sum);
    }
    List<Object> member = new ArrayList<>();
    List<Object> expires = new ArrayList<>();
    List<Object> miles = new ArrayList<>();
    sums.forEach(
        (m, byDate) ->
            byDate.forEach(
                (date, q) -> {
                  member.add(m);
                  expires.add(date.toString());
                  miles.add(q);
                }));
    update(
        "insert into accounts.expiry_lot as l (member_id, expires_on, original, remaining)"
            + " select m, x, q, q from unnest(?::bigint[], ?::date[], ?::bigint[]) as t(m, x, q)"
            + " on conflict (member_id, expires_on) where entry_id is null do update"
            + " set original = l.original + excluded.original,"
            + " remaining = l.remaining + excluded.remaining",
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "bigint", member.toArray()));
          ps.setArray(2, Jdbc.array(c, "varchar", expires.toArray()));
          ps.setArray(3, Jdbc.array(c, "bigint", miles.toArray()));
        });
  }

  @Override
  public List<ExpiryLots.OpenLot> openLots(long memberId, int limit, int offset) {
    List<ExpiryLots.OpenLot> out = new ArrayList<>();
    query(
        "select id, remaining from accounts.expiry_lot where member_id = ? and remaining > 0"
            + " order by expires_on, id limit ? offset ?",
        (c, ps) -> {
          ps.setLong(1, memberId);
          ps.setInt(2, limit);
          ps.setInt(3, offset);
        },
        rs -> out.add(new ExpiryLots.OpenLot(rs.getLong(1), rs.getLong(2))));
    return out;
  }

  @Override
  public void consumeLots(List<ExpiryLots.Take> takes) {
    if (takes.isEmpty()) {
      return;
    }
    Object[] ids = takes.stream().map(ExpiryLots.Take::lotId).toArray();
    Object[] miles = takes.stream().map(ExpiryLots.Take::miles).toArray();
    update(
        "update accounts.expiry_lot l set remaining = l.remaining - t.q"
            + " from unnest(?::bigint[], ?::bigint[]) as t(id, q) where l.id = t.id",
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "bigint", ids));
          ps.setArray(2, Jdbc.array(c, "bigint", miles));
        });
  }

  @Override
  public List<BalanceView.ExpiringMiles> lotsCreatedBy(long entryId) {
    List<BalanceView.ExpiringMiles> out = new ArrayList<>();
    query(
        "select expires_on, sum(original) from accounts.expiry_lot where entry_id = ?"
            + " group by expires_on order by expires_on",
        (c, ps) -> ps.setLong(1, entryId),
        rs -> out.add(new BalanceView.ExpiringMiles(rs.getDate(1).toLocalDate(), rs.getLong(2))));
    return out;
  }

  @Override
  public Map<Long, LocalDate> lotExpiries(Collection<Long> lotIds) {
    Map<Long, LocalDate> out = new HashMap<>();
    if (lotIds.isEmpty()) {
      return out;
    }
    Object[] ids = lotIds.toArray();
    query(
        "select id, expires_on from accounts.expiry_lot where id = any(?::bigint[])",
        (c, ps) -> ps.setArray(1, Jdbc.array(c, "bigint", ids)),
        rs -> out.put(rs.getLong(1), rs.getDate(2).toLocalDate()));
    return out;
  }

  @Override
  public List<DatedLot> datedLots(long memberId, LocalDate validOn, int limit) {
    List<DatedLot> out = new ArrayList<>();
    query(
        "select id, remaining, expires_on from accounts.expiry_lot where member_id = ?"
            + " and remaining > 0 and expires_on >= ? and expires_on < ?"
            + " order by expires_on, id limit ?",
        (c, ps) -> {
          ps.setLong(1, memberId);
          ps.setDate(2, Date.valueOf(validOn));
          ps.setDate(3, Date.valueOf(ExpiryPolicy.NEVER));
          ps.setInt(4, limit);
        },
        rs -> out.add(new DatedLot(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate())));
    return out;
  }

  @Override
  public List<ExpiringMilesPage.Member> expiringMembers(
      LocalDate from, LocalDate to, ExpiryPolicy inactivity, String after, int limit) {
    // dated lots in the window; under the inactivity policy also whole balances whose inactivity
    // period ends in the window (last activity + months); one row per member, the earlier first
    String lapsing =
        inactivity == null
            ? ""
            : " union all select m.member_number, a.balance - a.held,"
                + " (a.last_activity_on + make_interval(months => ?))::date, 'INACTIVITY'"
                + " from accounts.account a join accounts.member m on m.id = a.member_id"
                + " where a.balance > a.held and m.member_number > ?"
                + " and (a.last_activity_on + make_interval(months => ?))::date between ? and ?";
    List<ExpiringMilesPage.Member> out = new ArrayList<>();
    query(
        "select member_number, max(miles), min(first_expiry), min(reason) from ("
            + " select m.member_number, sum(l.remaining) miles, min(l.expires_on) first_expiry,"
            + " 'FIXED_TERM' reason from accounts.expiry_lot l"
            + " join accounts.member m on m.id = l.member_id"
            + " where l.remaining > 0 and l.expires_on between ? and ? and m.member_number > ?"
            + " group by m.member_number"
            + lapsing
            + ") x group by member_number order by member_number limit ?",
        (c, ps) -> {
          int i = 1;
          ps.setDate(i++, Date.valueOf(from));
          ps.setDate(i++, Date.valueOf(to));
          ps.setString(i++, after == null ? "" : after);
          if (inactivity != null) {
            ps.setInt(i++, inactivity.months());
            ps.setString(i++, after == null ? "" : after);
            ps.setInt(i++, inactivity.months());
            ps.setDate(i++, Date.valueOf(from));
            ps.setDate(i++, Date.valueOf(to));
          }
          ps.setInt(i, limit);
        },
        rs ->
            out.add(
                new ExpiringMilesPage.Member(
                    new MemberNumber(rs.getString(1)),
                    rs.getLong(2),
                    rs.getDate(3).toLocalDate(),
                    rs.getString(4))));
    return out;
  }

  @Override
  public void saveAccounts(Collection<Account> accounts) {
    List<Account> changed = accounts.stream().filter(Account::changed).toList();
    if (changed.isEmpty()) {
      return;
    }
    Object[] ids = changed.stream().map(Account::memberId).toArray();
    Object[] balance = changed.stream().map(Account::balance).toArray();
    Object[] held = changed.stream().map(Account::held).toArray();
    Object[] last =
        changed.stream()
            .map(a -> a.lastActivity() == null ? null : a.lastActivity().toString())
            .toArray();
    update(
        "update accounts.account a set balance = t.b, held = t.h, last_activity_on = t.d"
            + " from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::date[]) as t(id, b, h, d)"
            + " where a.member_id = t.id",
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "bigint", ids));
          ps.setArray(2, Jdbc.array(c, "bigint", balance));
          ps.setArray(3, Jdbc.array(c, "bigint", held));
          ps.setArray(4, Jdbc.array(c, "varchar", last));
        });
  }

  @Override
  public ExpiryPolicy policyOn(LocalDate date) {
    List<ExpiryPolicy> out = new ArrayList<>();
    query(
        "select kind, months from accounts.expiry_policy where effective_from <= ?"
            + " order by effective_from desc limit 1",
        (c, ps) -> ps.setDate(1, Date.valueOf(date)),
        rs -> out.add(new ExpiryPolicy(ExpiryPolicy.Kind.valueOf(rs.getString(1)), rs.getInt(2))));
    if (out.isEmpty()) {
      throw new IllegalStateException("no expiry policy is in effect on " + date);
    }
    return out.get(0);
  }

  private static final String HOLD_COLUMNS =
      "h.id, h.member_id, m.member_number, h.source_ref, h.amount, h.captured, h.status,"
          + " h.description, h.created_at, h.expires_at, h.resolved_at";

  @Override
  public Optional<StoredHold> findHold(String sourceRef) {
    List<StoredHold> out = new ArrayList<>();
    query(
        "select "
            + HOLD_COLUMNS
            + " from accounts.hold h join accounts.member m on m.id = h.member_id where h.source_ref = ?",
        (c, ps) -> ps.setString(1, sourceRef),
        rs -> out.add(storedHold(rs)));
    return out.stream().findFirst();
  }

  @Override
  public RefUse refUse(String sourceRef) {
    List<RefUse> out = new ArrayList<>();
    query(
        "select "
            + HOLD_COLUMNS
            + ", exists (select 1 from accounts.ledger_entry e where e.source_ref = ?)"
            + " from (values (1)) one left join (accounts.hold h join accounts.member m"
            + " on m.id = h.member_id) on h.source_ref = ?",
        (c, ps) -> {
          ps.setString(1, sourceRef);
          ps.setString(2, sourceRef);
        },
        rs ->
            out.add(
                new RefUse(
                    rs.getObject(1) == null ? Optional.empty() : Optional.of(storedHold(rs)),
                    rs.getBoolean(12))));
    return out.get(0);
  }

  /** The account written back with a hold change: balance, held, last activity, member id. */
  private static final String ACCOUNT_WRITE =
      " a as (update accounts.account set balance = ?, held = ?, last_activity_on = ?"
          + " where member_id = ?";

  private static final String ENTRY_COLUMNS =
      "insert into accounts.ledger_entry (member_id, entry_type, amount, held_delta,"
          + " balance_after, source_ref, hold_id, activity_date, description, qualifying_miles,"
          + " qualifying_flights)";

  @Override
  public long insertHold(
      String sourceRef,
      long miles,
      String description,
      Instant at,
      Instant expiresAt,
      NewEntry entry,
      Account account) {
    long[] id = {-1};
    query(
        "with h as (insert into accounts.hold (member_id, source_ref, amount, description,"
            + " created_at, expires_at) values (?, ?, ?, ?, ?, ?) returning id),"
            + " e as ("
            + ENTRY_COLUMNS
            + " select ?, ?, ?, ?, ?, ?, h.id, ?, ?, ?, ? from h),"
            + ACCOUNT_WRITE
            + ") select id from h",
        (c, ps) -> {
          ps.setLong(1, account.memberId());
          ps.setString(2, sourceRef);
          ps.setLong(3, miles);
          ps.setString(4, description);
          ps.setTimestamp(5, Timestamp.from(at));
          ps.setTimestamp(6, Timestamp.from(expiresAt));
          int next = bindEntry(ps, 7, entry, false);
          bindAccount(ps, next, account);
        },
        rs -> id[0] = rs.getLong(1));
    return id[0];
  }

  @Override
  public long resolveHold(
      long holdId, HoldStatus status, long captured, Instant at, NewEntry entry, Account account) {
    long[] out = {-1, 0};
    query(
        "with h as (update accounts.hold set status = ?, captured = ?, resolved_at = ?"
            + " where id = ? and status = 'ACTIVE' returning id),"
            + " e as ("
            + ENTRY_COLUMNS
            + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from h returning id),"
            + ACCOUNT_WRITE
            + " and exists (select 1 from h)) select (select id from e), (select count(*) from h)",
        (c, ps) -> {
          ps.setString(1, status.name());
          ps.setLong(2, captured);
          ps.setTimestamp(3, Timestamp.from(at));
          ps.setLong(4, holdId);
          int next = bindEntry(ps, 5, entry, true);
          bindAccount(ps, next, account);
        },
        rs -> {
          out[0] = rs.getLong(1);
          out[1] = rs.getLong(2);
        });
    if (out[1] != 1) {
      // the account lock makes this impossible; if it happens, refuse rather than double-resolve
      throw new IllegalStateException("hold " + holdId + " was not active when resolved");
    }
    return out[0];
  }

  /** Binds an entry's columns from {@code first}; the hold id only if asked. */
  private static int bindEntry(PreparedStatement ps, int first, NewEntry e, boolean withHold)
      throws SQLException {
    int i = first;
    ps.setLong(i++, e.memberId());
    ps.setString(i++, e.type().name());
    ps.setLong(i++, e.amount());
    ps.setLong(i++, e.heldDelta());
    ps.setLong(i++, e.balanceAfter());
    ps.setString(i++, e.sourceRef());
    if (withHold) {
      ps.setLong(i++, e.holdId());
    }
    ps.setDate(i++, Date.valueOf(e.activityDate()));
    ps.setString(i++, e.description());
    ps.setLong(i++, e.qualifying().miles());
    ps.setBigDecimal(i++, e.qualifying().flights());
    return i;
  }

  private static void bindAccount(PreparedStatement ps, int first, Account a) throws SQLException {
    ps.setLong(first, a.balance());
    ps.setLong(first + 1, a.held());
    ps.setDate(first + 2, a.lastActivity() == null ? null : Date.valueOf(a.lastActivity()));
    ps.setLong(first + 3, a.memberId());
  }

  @Override
  public List<HoldView> holds(MemberNumber member, boolean activeOnly, int limit) {
    List<HoldView> out = new ArrayList<>();
    query(
        "select "
            + HOLD_COLUMNS
            + " from accounts.hold h join accounts.member m on m.id = h.member_id"
            + " where m.member_number = ?"
            + (activeOnly ? " and h.status = 'ACTIVE'" : "")
            + " order by h.id desc limit ?",
        (c, ps) -> {
          ps.setString(1, member.value());
          ps.setInt(2, limit);
        },
        rs -> out.add(holdView(rs)));
    return out;
  }

  private static StoredHold storedHold(ResultSet rs) throws SQLException {
    HoldView v = holdView(rs);
    return new StoredHold(
        v.id(), rs.getLong(2), v.member(), v.miles(), v.captured(), v.status(), v.expiresAt(), v);
  }

  private static HoldView holdView(ResultSet rs) throws SQLException {
    Timestamp resolved = rs.getTimestamp(11);
    return new HoldView(
        rs.getLong(1),
        new MemberNumber(rs.getString(3)),
        SourceReference.of(rs.getString(4)),
        rs.getLong(5),
        rs.getLong(6),
        HoldStatus.valueOf(rs.getString(7)),
        rs.getString(8),
        rs.getTimestamp(9).toInstant(),
        rs.getTimestamp(10).toInstant(),
        resolved == null ? null : resolved.toInstant());
  }

  @Override
  public Optional<Spendable> spendable(MemberNumber member) {
    List<Spendable> out = new ArrayList<>(1);
    query(
        "select m.status, a.balance - a.held from accounts.member m"
            + " join accounts.account a on a.member_id = m.id where m.member_number = ?",
        (c, ps) -> ps.setString(1, member.value()),
        rs -> out.add(new Spendable(MemberStatus.valueOf(rs.getString(1)), rs.getLong(2))));
    return out.stream().findFirst();
  }

  @Override
  public Optional<BalanceView> balance(MemberNumber member, int expiringLots) {
    List<BalanceView.ExpiringMiles> expiring = new ArrayList<>();
    long[] row = new long[4];
    LocalDate[] last = new LocalDate[1];
    query(
        "select a.member_id, a.balance, a.held, a.last_activity_on from accounts.account a"
            + " join accounts.member m on m.id = a.member_id where m.member_number = ?",
        (c, ps) -> ps.setString(1, member.value()),
        rs -> {
          row[0] = 1;
          row[1] = rs.getLong(1);
          row[2] = rs.getLong(2);
          row[3] = rs.getLong(3);
          last[0] = toLocalDate(rs.getDate(4));
        });
    if (row[0] == 0) {
      return Optional.empty();
    }
    query(
        "select expires_on, sum(remaining) from accounts.expiry_lot"
            + " where member_id = ? and remaining > 0 and expires_on < ?"
            + " group by expires_on order by expires_on limit ?",
        (c, ps) -> {
          ps.setLong(1, row[1]);
          ps.setDate(2, Date.valueOf(ExpiryPolicy.NEVER));
          ps.setInt(3, expiringLots);
        },
        rs ->
            expiring.add(
                new BalanceView.ExpiringMiles(rs.getDate(1).toLocalDate(), rs.getLong(2))));
    return Optional.of(new BalanceView(member, row[2], row[3], row[2] - row[3], last[0], expiring));
  }

  @Override
  public List<LedgerEntryView> statement(
      MemberNumber member,
      LocalDate from,
      LocalDate to,
      Set<EntryType> types,
      Long beforeId,
      int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select e.id, e.entry_type, e.amount, e.held_delta, e.balance_after, e.source_ref,"
                + " e.activity_date, e.description, e.posted_at, e.qualifying_miles,"
                + " e.qualifying_flights, e.qualifying_spend from accounts.ledger_entry e"
                + " where e.member_id = (select id from accounts.member where member_number = ?)");
    List<Object> params = new ArrayList<>();
    params.add(member.value());
    if (beforeId != null) {
      sql.append(" and e.id < ?");
      params.add(beforeId);
    }
    if (from != null) {
      sql.append(" and e.activity_date >= ?");
      params.add(Date.valueOf(from));
    }
    if (to != null) {
      sql.append(" and e.activity_date <= ?");
      params.add(Date.valueOf(to));
    }
    if (!types.isEmpty()) {
      sql.append(" and e.entry_type = any(?)");
      params.add(types.stream().map(Enum::name).toArray(String[]::new));
    }
    sql.append(" order by e.id desc limit ?");
    params.add(limit);
    List<LedgerEntryView> out = new ArrayList<>();
    query(
        sql.toString(),
        (c, ps) -> {
          for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] arr) {
              ps.setArray(i + 1, Jdbc.array(c, "varchar", arr));
            } else {
              ps.setObject(i + 1, p);
            }
          }
        },
        rs ->
            out.add(
                new LedgerEntryView(
                    rs.getLong(1),
                    EntryType.valueOf(rs.getString(2)),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getString(6),
                    rs.getDate(7).toLocalDate(),
                    rs.getString(8),
                    rs.getTimestamp(9).toInstant(),
                    new org.openmiles.accounts.api.Qualifying(
                        rs.getLong(10),
                        rs.getBigDecimal(11).setScale(2),
                        rs.getBigDecimal(12).setScale(2)))));
    return out;
  }

  @Override
  public List<DueHold> dueHolds(Instant now, long afterId, int limit) {
    List<DueHold> out = new ArrayList<>();
    query(
        "select h.id, h.source_ref, m.member_number from accounts.hold h"
            + " join accounts.member m on m.id = h.member_id"
            + " where h.status = 'ACTIVE' and h.expires_at <= ? and h.id > ? order by h.id limit ?",
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(now));
          ps.setLong(2, afterId);
          ps.setInt(3, limit);
        },
        rs ->
            out.add(
                new DueHold(rs.getLong(1), rs.getString(2), new MemberNumber(rs.getString(3)))));
    return out;
  }

  @Override
  public List<DueMiles> dueMiles(LocalDate asOf, long afterMemberId, int limit) {
    return dueMembers(
        "select l.member_id, m.member_number, sum(l.remaining) from accounts.expiry_lot l"
            + " join accounts.member m on m.id = l.member_id"
            + " where l.remaining > 0 and l.expires_on < ? and l.member_id > ?"
            + " group by l.member_id, m.member_number order by l.member_id limit ?",
        asOf,
        afterMemberId,
        limit);
  }

  @Override
  public List<DueMiles> lapsedMembers(LocalDate lastActiveBefore, long afterMemberId, int limit) {
    return dueMembers(
        "select a.member_id, m.member_number, a.balance from accounts.account a"
            + " join accounts.member m on m.id = a.member_id"
            + " where a.last_activity_on < ? and a.balance > a.held and a.member_id > ?"
            + " order by a.member_id limit ?",
        lastActiveBefore,
        afterMemberId,
        limit);
  }

  /** Runs a keyset query over members: (date, after member id, limit) to (id, number, miles). */
  private List<DueMiles> dueMembers(String sql, LocalDate date, long afterMemberId, int limit) {
    List<DueMiles> out = new ArrayList<>();
    query(
        sql,
        (c, ps) -> {
          ps.setDate(1, Date.valueOf(date));
          ps.setLong(2, afterMemberId);
          ps.setInt(3, limit);
        },
        rs ->
            out.add(new DueMiles(rs.getLong(1), new MemberNumber(rs.getString(2)), rs.getLong(3))));
    return out;
  }

  // --- plumbing: every statement runs on the transaction's connection and closes what it opens

  @FunctionalInterface
  interface Binder {
    void bind(Connection c, PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  interface SimpleBinder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private void query(String sql, Binder binder, RowHandler handler) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(c, ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.row(rs);
        }
      }
    } catch (SQLException e) {
      throw translate(sql, e);
    }
  }

  private int update(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(c, ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw translate(sql, e);
    }
  }

  private int update(String sql, SimpleBinder binder) {
    return update(sql, (c, ps) -> binder.bind(ps));
  }

  /**
   * A unique violation on a source reference means a concurrent request used the same reference
   * first (for another member, or as a hold and a posting): the same refusal as a sequential reuse.
   */
  private static RuntimeException translate(String sql, SQLException e) {
    if ("23505".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("source_ref")) {
      return new SourceReferenceConflictException(
          "the source reference was used by another request at the same moment; "
              + "retry to see the first request's result");
    }
    return new LedgerStorageException(sql, e);
  }

  private static LocalDate toLocalDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
