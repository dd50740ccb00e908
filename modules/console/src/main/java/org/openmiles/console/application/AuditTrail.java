package org.openmiles.console.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.openmiles.console.api.Actor;
import org.openmiles.console.domain.AuditEntry;
import org.openmiles.console.domain.AuditLog;
import org.openmiles.console.domain.AuditQuery;

/**
 * Writes and reads the console's audit log. {@link #record} joins the caller's transaction (the
 * change it describes), so an entry exists exactly when its change was committed.
 */
@ApplicationScoped
public class AuditTrail {
  @Inject AuditLog repository;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.REQUIRED)
  public void record(
      Actor actor,
      String action,
      String member,
      String target,
      String before,
      String after,
      String reason) {
    repository.append(
        new AuditEntry(
            0, clock.instant(), actor.username(), action, member, target, before, after, reason));
  }

  /** A login or logout: no member, no change of data. */
  @Transactional(Transactional.TxType.REQUIRED)
  public void session(String username, String action, String detail) {
    repository.append(
        new AuditEntry(0, clock.instant(), username, action, null, null, null, null, detail));
  }

  /**
   * A page or an action refused for the user's role ({@code ACCESS_DENIED}): in a transaction of
   * its own, so that the refused action's rollback does not take the entry with it.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void refused(String username, String target, String detail) {
    repository.append(
        new AuditEntry(
            0, clock.instant(), username, "ACCESS_DENIED", null, target, null, null, detail));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AuditEntry> find(AuditQuery query) {
    return repository.find(query);
  }
}
