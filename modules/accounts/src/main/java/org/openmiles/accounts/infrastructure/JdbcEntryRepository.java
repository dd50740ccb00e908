package org.openmiles.accounts.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.domain.EntryRepository;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.observability.Correlation;

/**
 * {@code accounts.ledger_entry}: immutable entries, appended a batch per statement (ADR 0003), each
 * with the correlation id of the work that made it (ADR 0035).
 */
@ApplicationScoped
public class JdbcEntryRepository implements EntryRepository {

  @Inject LedgerSql sql;

  @Override
  public Map<String, StoredEntry> findEntries(Collection<String> sourceRefs) {
    Map<String, StoredEntry> out = new HashMap<>();
    if (sourceRefs.isEmpty()) {
      return out;
    }
    sql.list(
            "find entries by source reference",
            """
            select e.id, m.member_number, e.entry_type, e.amount, e.balance_after, e.source_ref
              from accounts.ledger_entry e join accounts.member m on m.id = e.member_id
             where e.source_ref = any(?)
            """,
            (c, ps) -> ps.setArray(1, Jdbc.array(c, "varchar", sourceRefs.toArray())),
            rs ->
                new StoredEntry(
                    rs.getLong("id"),
                    new MemberNumber(rs.getString("member_number")),
                    EntryType.valueOf(rs.getString("entry_type")),
                    rs.getLong("amount"),
                    rs.getLong("balance_after"),
                    rs.getString("source_ref")))
        .forEach(e -> out.put(e.sourceRef(), e));
    return out;
  }

  @Override
  public Map<String, Long> insertEntries(List<NewEntry> entries) {
    Map<String, Long> ids = new HashMap<>();
    if (entries.isEmpty()) {
      return ids;
    }
    Object[][] cols =
        Jdbc.columns(
            entries,
            12,
            e ->
                new Object[] {
                  e.memberId(),
                  e.type().name(),
                  e.amount(),
                  e.heldDelta(),
                  e.balanceAfter(),
                  e.sourceRef(),
                  e.holdId(),
                  e.activityDate().toString(),
                  e.description(),
                  e.qualifying().miles(),
                  e.qualifying().flights(),
                  e.qualifying().spend()
                });
    // qualifying spend only when a posting of the batch carries some (flown coupons under a program
    // that counts spend): every other batch keeps the column's default and sends no array for it
    boolean withSpend = entries.stream().anyMatch(e -> e.qualifying().spend().signum() != 0);
    String insert =
        """
        insert into accounts.ledger_entry (member_id, entry_type, amount, held_delta, balance_after,
         source_ref, hold_id, activity_date, description, qualifying_miles, qualifying_flights%s,
         correlation_id)
         select u.*, ?::varchar as correlation_id from unnest(?::bigint[], ?::varchar[], ?::bigint[],
         ?::bigint[], ?::bigint[], ?::varchar[], ?::bigint[], ?::date[], ?::varchar[], ?::bigint[],
         ?::numeric[]%s) u returning id, source_ref
        """
            .formatted(withSpend ? ", qualifying_spend" : "", withSpend ? ", ?::numeric[]" : "");
    String[] types = {
      "bigint", "varchar", "bigint", "bigint", "bigint", "varchar", "bigint", "varchar", "varchar",
      "bigint", "numeric", "numeric"
    };
    int width = withSpend ? 12 : 11;
    sql.list(
            "append ledger entries",
            insert,
            (c, ps) -> {
              ps.setString(1, Correlation.currentOrNull());
              for (int k = 0; k < width; k++) {
                ps.setArray(k + 2, Jdbc.array(c, types[k], cols[k]));
              }
            },
            rs -> Map.entry(rs.getString("source_ref"), rs.getLong("id")))
        .forEach(e -> ids.put(e.getKey(), e.getValue()));
    return ids;
  }
}
