package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openmiles.accrual.api.InboundPickUps;
import org.openmiles.common.jdbc.Jdbc;

/**
 * Pick-ups in {@code accrual.file_pickup}, one row per file being taken; the holder's liveness is
 * its lease in {@code accrual.file_worker}, by the database's clock (ADR 0024, ADR 0032).
 */
@ApplicationScoped
public class JdbcInboundPickUps implements InboundPickUps {
  @Inject Jdbc jdbc;

  @Override
  public boolean take(String worker, String fileKey, int leaseSeconds) {
    return jdbc.update(
            "take file " + fileKey,
            """
            insert into accrual.file_pickup as c (file_key, worker_id) values (?, ?)
            on conflict (file_key) do update
               set worker_id = excluded.worker_id, taken_at = now()
             where not %s
            """
                .formatted(JdbcFileOwnership.ALIVE),
            (c, ps) -> {
              ps.setString(1, fileKey);
              ps.setString(2, worker);
              ps.setInt(3, leaseSeconds);
            })
        == 1;
  }

  @Override
  public boolean held(String fileKey) {
    return jdbc.first(
            "look up file " + fileKey,
            "select 1 from accrual.file_pickup where file_key = ?",
            (c, ps) -> ps.setString(1, fileKey),
            rs -> rs.getInt(1))
        .isPresent();
  }

  @Override
  public void giveUp(String worker, String fileKey) {
    jdbc.update(
        "give up file " + fileKey,
        "delete from accrual.file_pickup where file_key = ? and worker_id = ?",
        (c, ps) -> {
          ps.setString(1, fileKey);
          ps.setString(2, worker);
        });
  }
}
