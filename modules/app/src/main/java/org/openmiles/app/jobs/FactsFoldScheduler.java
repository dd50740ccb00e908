package org.openmiles.app.jobs;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.retention.api.MemberFacts;

/**
 * Every five seconds, on every node, folds retention's facts' journal into the kept facts when it
 * is due (ADR 0041; one node at a time folds, by an advisory lock, so the others' ticks pass). Not
 * switched off with the other jobs ({@code openmiles.jobs.enabled}): an instance that credits files
 * keeps the journal short itself; off only with {@code
 * openmiles.retention.facts.fold.enabled=false}, when the journal grows until a scoring run, a
 * campaign run or a rebuild folds it.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FactsFoldScheduler {
  private static final Logger LOG = Logger.getLogger(FactsFoldScheduler.class.getName());

  @Inject MemberFacts facts;

  @Inject
  @ConfigProperty(name = "openmiles.retention.facts.fold.enabled", defaultValue = "true")
  boolean enabled;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  public void fold() {
    if (!enabled) {
      return;
    }
    try {
      facts.foldJournalIfDue();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "folding retention's facts' journal failed; it is tried again", e);
    }
  }
}
