package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.openmiles.accrual.api.FileOwnership;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.text.Texts;

/**
 * File workers and their claims in {@code accrual.file_worker} and {@code accrual.file_claim}. A
 * worker is alive while {@code heartbeat_at} is less than its lease old, by the database's clock.
 */
@ApplicationScoped
public class JdbcFileOwnership implements FileOwnership {
  /**
   * Whether the worker of the row aliased {@code c} ({@code c.worker_id}) is alive: its lease, the
   * one parameter in seconds, has not run out by the database's clock. Shared with {@link
   * JdbcInboundPickUps}.
   */
  static final String ALIVE =
      """
      exists (select 1 from accrual.file_worker w
               where w.id = c.worker_id and w.heartbeat_at > now() - make_interval(secs => ?))""";

  @Inject Jdbc jdbc;

  @Override
  public void renew(String worker, String host, int leaseSeconds) {
    jdbc.update(
        "renew the lease of file worker " + worker,
        """
        insert into accrual.file_worker (id, host) values (?, ?)
        on conflict (id) do update set heartbeat_at = now()""",
        (c, ps) -> {
          ps.setString(1, worker);
          ps.setString(2, Texts.truncate(host, 255));
        });
    // workers gone for a day are forgotten; their claims were taken over long before
    jdbc.update(
        "forget old file workers",
        """
        delete from accrual.file_worker
         where heartbeat_at < now() - interval '1 day'
           and not exists (select 1 from accrual.file_claim c where c.worker_id = id)""",
        (c, ps) -> {});
  }

  @Override
  public void claim(String worker, String folder, String fileName) {
    jdbc.update(
        "claim file " + folder + "/" + fileName,
        """
        insert into accrual.file_claim (folder, file_name, worker_id) values (?, ?, ?)
        on conflict (folder, file_name) do update set worker_id = excluded.worker_id,
           claimed_at = now()""",
        (c, ps) -> {
          ps.setString(1, folder);
          ps.setString(2, fileName);
          ps.setString(3, worker);
        });
  }

  @Override
  public void release(String worker, String folder, String fileName) {
    jdbc.update(
        "release file " + folder + "/" + fileName,
        "delete from accrual.file_claim where folder = ? and file_name = ? and worker_id = ?",
        (c, ps) -> {
          ps.setString(1, folder);
          ps.setString(2, fileName);
          ps.setString(3, worker);
        });
  }

  @Override
  public Map<String, Claim> claims(String folder, int leaseSeconds) {
    Map<String, Claim> claims = new HashMap<>();
    jdbc.list(
            "read the claims in " + folder,
            """
            select c.file_name, c.worker_id, %s as alive
              from accrual.file_claim c
             where c.folder = ?"""
                .formatted(ALIVE),
            (c, ps) -> {
              ps.setInt(1, leaseSeconds);
              ps.setString(2, folder);
            },
            rs ->
                Map.entry(
                    rs.getString("file_name"),
                    new Claim(rs.getString("worker_id"), rs.getBoolean("alive"))))
        .forEach(e -> claims.put(e.getKey(), e.getValue()));
    return claims;
  }

  @Override
  public boolean takeOver(
      String worker, String folder, String fileName, String deadWorker, int leaseSeconds) {
    return jdbc.update(
            "take over file " + folder + "/" + fileName,
            """
            update accrual.file_claim c set worker_id = ?, claimed_at = now()
             where c.folder = ? and c.file_name = ? and c.worker_id = ? and not %s"""
                .formatted(ALIVE),
            (c, ps) -> {
              ps.setString(1, worker);
              ps.setString(2, folder);
              ps.setString(3, fileName);
              ps.setString(4, deadWorker);
              ps.setInt(5, leaseSeconds);
            })
        == 1;
  }
}
