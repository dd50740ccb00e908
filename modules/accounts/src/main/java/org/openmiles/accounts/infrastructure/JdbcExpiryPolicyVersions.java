package org.openmiles.accounts.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.accounts.domain.ExpiryPolicy;
import org.openmiles.accounts.domain.ExpiryPolicyVersions;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.program.api.DatedVersion;

/**
 * The versions of {@code accounts.expiry_policy} with plain SQL: read whole (a handful of rows),
 * added with {@code on conflict do nothing} so that two approvals racing for one date write one.
 */
@ApplicationScoped
public class JdbcExpiryPolicyVersions implements ExpiryPolicyVersions {
  @Inject LedgerSql sql;

  @Override
  public List<DatedVersion<ExpiryPolicy>> versions() {
    return sql.list(
        "read the expiry policies",
        """
        select kind, months, effective_from, change_id from accounts.expiry_policy
         order by effective_from""",
        (c, ps) -> {},
        rs ->
            new DatedVersion<>(
                new ExpiryPolicy(
                    ExpiryPolicy.Kind.valueOf(rs.getString("kind")), rs.getInt("months")),
                rs.getDate("effective_from").toLocalDate(),
                null,
                Jdbc.longOrNull(rs, "change_id")));
  }

  @Override
  public boolean add(LocalDate from, ExpiryPolicy policy, long change) {
    return sql.update(
            "add a version of the expiry policy",
            """
            insert into accounts.expiry_policy (effective_from, kind, months, change_id)
            values (?, ?, ?, ?)
            on conflict (effective_from) do nothing""",
            (c, ps) -> {
              ps.setDate(1, Date.valueOf(from));
              ps.setString(2, policy.kind().name());
              ps.setInt(3, policy.months());
              ps.setLong(4, change);
            })
        == 1;
  }
}
