package org.openmiles.retention.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmiles.retention.domain.MemberFactRepository;

/** When the folder folds the facts' journal: idle feeds, too many rows, rows waiting too long. */
class FactsFolderTest {
  /** The journal as the statistics show it, and the folds asked for. */
  private long insertions;

  private long pending;
  private final List<Boolean> folds = new ArrayList<>();

  private FactsFolder folder(long maxPending, long maxAgeSeconds) {
    FactsFolder f = new FactsFolder();
    f.facts =
        (MemberFactRepository)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {MemberFactRepository.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "journalStatistics" ->
                          new MemberFactRepository.JournalStatistics(insertions, pending);
                      case "foldJournal" -> {
                        folds.add((Boolean) args[1]);
                        long n = pending;
                        pending = 0;
                        yield n;
                      }
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    f.tx = new ScoringTransactions();
    f.page = 1_000;
    f.maxPending = maxPending;
    f.maxAgeSeconds = maxAgeSeconds;
    return f;
  }

  @Test
  void aJournalStillBeingWrittenWaitsAndIsFoldedOnceTheFeedsAreIdle() {
    FactsFolder f = folder(1_000_000, 3_600);
    insertions = 500;
    pending = 500;
    assertThat(f.foldIfDue()).as("first tick: nothing to compare with").isZero();
    insertions = 900;
    pending = 900;
    assertThat(f.foldIfDue()).as("rows added since the last tick").isZero();
    assertThat(folds).isEmpty();
    assertThat(f.foldIfDue()).as("nothing added since: idle").isEqualTo(900);
    assertThat(folds)
        .as("a page, then an empty one; not waiting for another folder")
        .containsExactly(false, false);
    assertThat(f.foldIfDue()).as("an empty journal").isZero();
    assertThat(folds).as("no fold asked for").hasSize(2);
  }

  @Test
  void tooManyRowsAreFoldedEvenWhileTheFeedsWrite() {
    FactsFolder f = folder(1_000, 3_600);
    insertions = 900;
    pending = 900;
    f.foldIfDue();
    insertions = 1_500;
    pending = 1_500;
    assertThat(f.foldIfDue()).isEqualTo(1_500);
  }

  @Test
  void rowsWaitingLongerThanTheirAgeAreFoldedUnderASteadyTrickle() throws InterruptedException {
    FactsFolder f = folder(1_000_000, 0);
    insertions = 10;
    pending = 10;
    assertThat(f.foldIfDue()).as("first seen now").isZero();
    Thread.sleep(2);
    insertions = 11;
    pending = 11;
    assertThat(f.foldIfDue()).as("still written to, but waiting past the age").isEqualTo(11);
  }

  @Test
  void setBasedReadersFoldEverythingWaitingForAnotherFolder() {
    FactsFolder f = folder(1_000_000, 3_600);
    pending = 5;
    assertThat(f.foldAll()).isEqualTo(5);
    assertThat(folds).containsExactly(true, true);
  }
}
