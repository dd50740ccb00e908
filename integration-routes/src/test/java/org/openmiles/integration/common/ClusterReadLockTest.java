package org.openmiles.integration.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository behind the read lock (ADR 0032): one instance takes a file, another live one is
 * refused until it is given up, a dead taker's file is free again, and the key is the path under
 * the files root whatever the mount point.
 */
class ClusterReadLockTest {
  @TempDir Path root;

  private final InMemoryFileOwnership workers = new InMemoryFileOwnership();
  private final InMemoryPickUps pickUps = new InMemoryPickUps(workers);

  private ClusterReadLock instance() {
    FileSettings settings = FileSettings.of(root.toString(), 100, 4_096, 12);
    FileOwner owner = FileOwner.of(workers, settings);
    workers.renew(owner.worker(), "host", settings.leaseSeconds());
    return new ClusterReadLock(pickUps, owner, settings);
  }

  private String inbound(String name) {
    return root.resolve("partners/DEMO_HOTEL/inbound").resolve(name).toString();
  }

  @Test
  void theKeyIsTheFeedAndTheNameWhicheverFolderTheFileIsIn() {
    ClusterReadLock lock = instance();
    assertThat(lock.key(inbound("a.csv"))).isEqualTo("partners/DEMO_HOTEL/a.csv");
    // Camel gives the file up from processing/, where it moved it after taking it
    assertThat(lock.key(root.resolve("partners/DEMO_HOTEL/processing/a.csv").toString()))
        .isEqualTo("partners/DEMO_HOTEL/a.csv");
  }

  @Test
  void aFileTakenInInboundIsGivenUpFromProcessing() {
    ClusterReadLock lock = instance();
    assertThat(lock.add(inbound("a.csv"))).isTrue();
    lock.remove(root.resolve("partners/DEMO_HOTEL/processing/a.csv").toString());
    assertThat(lock.contains(inbound("a.csv"))).isFalse();
  }

  @Test
  void ofTwoLiveInstancesOnlyOneTakesAFileUntilItIsGivenUp() {
    ClusterReadLock one = instance();
    ClusterReadLock two = instance();
    assertThat(one.add(inbound("a.csv"))).isTrue();
    assertThat(two.add(inbound("a.csv"))).as("held by a live instance").isFalse();
    assertThat(one.add(inbound("a.csv"))).as("taken once, even by its taker").isFalse();
    assertThat(two.contains(inbound("a.csv"))).isTrue();
    assertThat(two.add(inbound("b.csv"))).as("another file").isTrue();

    two.remove(inbound("a.csv"));
    assertThat(two.contains(inbound("a.csv"))).as("only its taker gives it up").isTrue();
    one.remove(inbound("a.csv"));
    assertThat(two.contains(inbound("a.csv"))).isFalse();
    assertThat(two.add(inbound("a.csv"))).as("a new file of the same name").isTrue();
  }

  @Test
  void aFileWhoseTakerDiedIsFreeAgain() {
    ClusterReadLock dead = instance();
    ClusterReadLock live = instance();
    assertThat(dead.add(inbound("a.csv"))).isTrue();
    String deadWorker = pickUps.all().get("partners/DEMO_HOTEL/a.csv");
    workers.kill(deadWorker);
    assertThat(live.add(inbound("a.csv"))).isTrue();
    assertThat(pickUps.all().get("partners/DEMO_HOTEL/a.csv")).isNotEqualTo(deadWorker);
  }
}
