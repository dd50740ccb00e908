package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.retention.domain.MemberFactRepository;

/**
 * Moves the facts' journal into the kept facts (ADR 0041): a page of committed rows at a time, each
 * page one transaction that takes its rows out of the journal, sums them per member, day and
 * category and applies the sums set-based with the statements a batch runs ({@link
 * MemberFactRepository#foldJournal}), so nothing is lost or counted twice whatever fails. One
 * folder at a time in the cluster (an advisory lock).
 *
 * <p>{@link #foldIfDue} (every few seconds, {@code FactsFoldScheduler}) folds when nobody added to
 * the journal since the last tick (the feeds are idle: the fold does not take the cores from a bulk
 * file), or when the journal holds more than {@code openmiles.retention.facts.fold.max-pending}
 * rows (1,000,000: a member's facts read the member's journal rows by a scan), or when rows have
 * waited more than {@code openmiles.retention.facts.fold.max-age-seconds} (120) under a steady
 * trickle. The set-based readers fold first ({@link #foldAll}).
 */
@ApplicationScoped
public class FactsFolder {
  private static final Logger LOG = Logger.getLogger(FactsFolder.class.getName());

  @Inject MemberFactRepository facts;
  @Inject ScoringTransactions tx;

  @Inject
  @ConfigProperty(name = "openmiles.retention.facts.fold.page", defaultValue = "250000")
  int page;

  @Inject
  @ConfigProperty(name = "openmiles.retention.facts.fold.max-pending", defaultValue = "1000000")
  long maxPending;

  @Inject
  @ConfigProperty(name = "openmiles.retention.facts.fold.max-age-seconds", defaultValue = "120")
  long maxAgeSeconds;

  private final AtomicLong insertionsSeen = new AtomicLong(-1);

  /** When a tick first saw rows waiting since the last fold (nanoTime; 0: none seen). */
  private final AtomicLong pendingSince = new AtomicLong();

  /** Folds if the journal is due (see the class); answers the rows folded. */
  public long foldIfDue() {
    MemberFactRepository.JournalStatistics s = facts.journalStatistics();
    long seen = insertionsSeen.getAndSet(s.insertions());
    long now = System.nanoTime();
    if (s.pending() == 0) {
      pendingSince.set(0);
      return 0;
    }
    pendingSince.compareAndSet(0, now);
    boolean idle = seen == s.insertions();
    boolean old = now - pendingSince.get() > maxAgeSeconds * 1_000_000_000L;
    if (!(idle || old || s.pending() > maxPending)) {
      return 0;
    }
    pendingSince.set(0);
    return fold(false);
  }

  /**
   * Folds every row committed so far, waiting for a folder elsewhere: what a set-based reader of
   * the kept facts calls first. Answers the rows folded.
   */
  public long foldAll() {
    return fold(true);
  }

  private long fold(boolean wait) {
    long started = System.nanoTime();
    long folded = 0;
    while (true) {
      // a page per transaction: -1 while another folder holds the lock
      long n = tx.inNewTransaction(() -> facts.foldJournal(page, wait));
      if (n <= 0) {
        break;
      }
      folded += n;
    }
    if (folded > 0) {
      long rows = folded;
      // a line per large fold (after a file); the trickle of single postings only at FINE
      LOG.log(
          folded >= page ? Level.INFO : Level.FINE,
          () ->
              "retention facts: "
                  + rows
                  + " journal rows folded in "
                  + (System.nanoTime() - started) / 1_000_000
                  + " ms");
    }
    return folded;
  }
}
