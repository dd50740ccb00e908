package org.openmiles.accounts.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.List;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.LedgerReplay;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.common.jdbc.Jdbc;

/** {@link LedgerReplay} by keyset pages over the ledger's and the register's primary keys. */
@ApplicationScoped
public class JdbcLedgerReplay implements LedgerReplay {
  @Inject Jdbc jdbc;

  @Override
  public List<MilesPosted.Entry> entriesAfter(long afterEntryId, int limit) {
    return jdbc.list(
        "read ledger entries after " + afterEntryId,
        """
        select e.id, m.member_number, e.entry_type, e.amount, e.source_ref, e.activity_date,
               e.qualifying_miles, e.qualifying_flights, e.qualifying_spend
          from accounts.ledger_entry e join accounts.member m on m.id = e.member_id
         where e.id > ? order by e.id limit ?""",
        (c, ps) -> {
          ps.setLong(1, afterEntryId);
          ps.setInt(2, limit);
        },
        rs ->
            new MilesPosted.Entry(
                rs.getLong(1),
                new MemberNumber(rs.getString(2)),
                EntryType.valueOf(rs.getString(3)),
                rs.getLong(4),
                rs.getString(5),
                rs.getDate(6).toLocalDate(),
                new Qualifying(rs.getLong(7), rs.getBigDecimal(8), rs.getBigDecimal(9))));
  }

  @Override
  public List<RegisteredMember> membersAfter(String afterNumber, int limit) {
    return jdbc.list(
        "read members after " + afterNumber,
        """
        select m.member_number, m.enrolled_at, m.merged_into, g.merged_at
          from accounts.member m
          left join accounts.member_merge g on g.duplicate_number = m.member_number
         where m.member_number > ? order by m.member_number limit ?""",
        (c, ps) -> {
          ps.setString(1, afterNumber);
          ps.setInt(2, limit);
        },
        rs -> {
          String merged = rs.getString(3);
          Timestamp at = rs.getTimestamp(4);
          return new RegisteredMember(
              new MemberNumber(rs.getString(1)),
              rs.getTimestamp(2).toInstant(),
              merged == null ? null : new MemberNumber(merged),
              at == null ? null : at.toInstant());
        });
  }
}
