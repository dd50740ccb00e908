package org.openmiles.integration.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.PartnerActivity;
import org.openmiles.integration.common.FileOwner;
import org.openmiles.integration.common.FileRouteConfiguration;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.InMemoryFileOwnership;
import org.openmiles.integration.common.InboundFileProcessor;

/**
 * The partner file route itself (file consumer options, moves, the shared error policy) with
 * camel-test and a fake accrual service: a processed file is archived, a refused one goes to
 * rejects, a fault sends the file to failed, a transient database fault is run again.
 */
class PartnerFileRoutesRouteTest extends CamelTestSupport {
  @TempDir static Path root;

  /** Faults the next calls of {@code credit} throw, one each, before they credit anything. */
  static final Deque<RuntimeException> faults = new ConcurrentLinkedDeque<>();

  static final AtomicInteger creditCalls = new AtomicInteger();
  static FakePartnerAccrual accrual =
      new FakePartnerAccrual() {
        @Override
        public List<ActivityResult> credit(long fileId, List<PartnerActivity> chunk) {
          creditCalls.incrementAndGet();
          RuntimeException fault = faults.poll();
          if (fault != null) {
            throw fault;
          }
          return super.credit(fileId, chunk);
        }
      };
  static InMemoryFileOwnership ownership = new InMemoryFileOwnership();
  static FileOwner owner;

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    faults.clear();
    FileSettings settings =
        FileSettings.of(root.toString(), 100, 4_096, 12).withRedeliveries(REDELIVERIES, 20);
    owner = FileOwner.of(ownership, settings);
    InboundFileProcessor processor =
        InboundFileProcessor.of(
            settings,
            Clock.systemUTC(),
            new org.openmiles.integration.bootstrap.ContainerWork(),
            owner);
    PartnerFileRoutes routes = new PartnerFileRoutes();
    routes.accrual = accrual;
    routes.wire(settings, owner, processor);
    return new RoutesBuilder[] {FileRouteConfiguration.of(settings), routes};
  }

  static final int REDELIVERIES = 2;

  /** A fault PostgreSQL's driver gives when the server is not there. */
  private static RuntimeException connectionRefused() {
    return new IllegalStateException(
        "cannot credit",
        new SQLTransientConnectionException("Connection to localhost:5432 refused.", "08001"));
  }

  /** A good file of one record, one night for M1. */
  private static String oneNight(String tx) {
    return PartnerFileProcessorTest.header()
        + PartnerFileProcessorTest.detail(tx, PartnerFileProcessorTest.M1, "1")
        + "T,1,1\n";
  }

  private Path folder(String name) {
    return root.resolve("partners").resolve("DEMO_HOTEL").resolve(name);
  }

  private void drop(String name, String content) throws Exception {
    Path part = folder("inbound").resolve(name + ".part");
    Files.writeString(part, content, StandardCharsets.UTF_8);
    Files.move(part, folder("inbound").resolve(name));
  }

  /**
   * Whether a file starting with {@code prefix} shows up in {@code dir} (moves follow completion).
   */
  private static boolean contains(Path dir, String prefix) throws Exception {
    for (int i = 0; i < 100; i++) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.anyMatch(p -> p.getFileName().toString().startsWith(prefix))) {
          return true;
        }
      }
      Thread.sleep(100);
    }
    return false;
  }

  @Test
  void processedFilesAreArchivedRefusedOnesRejectedAndFaultsFailed() throws Exception {
    long before = accrual.credited;
    String good =
        PartnerFileProcessorTest.header()
            + PartnerFileProcessorTest.detail("R1", PartnerFileProcessorTest.M1, "2")
            + "T,1,2\n";
    NotifyBuilder one = new NotifyBuilder(context).whenDone(1).create();
    drop("good.csv", good);
    assertThat(one.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(contains(folder("archive"), "good.")).isTrue();
    assertThat(folder("outbound").resolve("good.csv.ack.csv")).exists();
    assertThat(folder("inbound").resolve("good.csv")).doesNotExist();
    assertThat(folder("processing").resolve("good.csv")).doesNotExist();

    NotifyBuilder two = new NotifyBuilder(context).whenDone(1).create();
    drop("bad.csv", PartnerFileProcessorTest.header() + "T,0,0\n" + "D,late,line\n");
    assertThat(two.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(contains(folder("rejects"), "bad.")).isTrue();

    faults.add(new IllegalStateException("simulated outage"));
    NotifyBuilder three = new NotifyBuilder(context).whenDone(1).create();
    drop("unlucky.csv", good.replace("R1", "R2"));
    assertThat(three.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(contains(folder("failed"), "unlucky.")).isTrue();
    assertThat(accrual.credited).isEqualTo(before + 1);
  }

  /**
   * ADR 0031: a transient database fault (the connection refused, the server restarting) no longer
   * sends the file to failed: the route runs it again after a pause, resuming it, and the file is
   * processed once, claimed all the while.
   */
  @Test
  void aTransientDatabaseFaultIsRunAgainAndTheFileIsProcessed() throws Exception {
    long before = accrual.credited;
    faults.add(connectionRefused());
    faults.add(
        new IllegalStateException(
            "cannot credit", new java.sql.SQLException("the server shut down", "57P01")));
    int calls = creditCalls.get();
    NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
    drop("flaky.csv", oneNight("F1"));
    assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(contains(folder("archive"), "flaky.")).isTrue();
    assertThat(Files.readAllLines(folder("outbound").resolve("flaky.csv.ack.csv")))
        .contains("status,PROCESSED", "accepted,1");
    assertThat(creditCalls.get() - calls).isEqualTo(3);
    assertThat(accrual.credited).isEqualTo(before + 1);
    assertThat(ownership.claims("partners/DEMO_HOTEL", 30)).isEmpty();
  }

  @Test
  void aPermanentFaultFailsTheFileAtOnce() throws Exception {
    faults.add(
        new IllegalStateException(
            "cannot credit",
            new java.sql.SQLException("duplicate key value violates unique constraint", "23505")));
    int calls = creditCalls.get();
    NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
    drop("broken.csv", oneNight("P1"));
    assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(contains(folder("failed"), "broken.")).isTrue();
    assertThat(creditCalls.get() - calls).isEqualTo(1);
    assertThat(ownership.claims("partners/DEMO_HOTEL", 30)).isEmpty();
  }

  @Test
  void aTransientFaultThatOutlastsTheRunsAgainFailsTheFile() throws Exception {
    for (int i = 0; i <= REDELIVERIES; i++) {
      faults.add(connectionRefused());
    }
    int calls = creditCalls.get();
    NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
    drop("down.csv", oneNight("O1"));
    assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(contains(folder("failed"), "down.")).isTrue();
    assertThat(creditCalls.get() - calls).isEqualTo(1 + REDELIVERIES);
  }

  @Test
  void faultsAreToldApartByTheirCauses() {
    assertThat(FileRouteConfiguration.isTransientDatabaseFault(connectionRefused())).isTrue();
    assertThat(
            FileRouteConfiguration.isTransientDatabaseFault(
                new RuntimeException(new java.sql.SQLException("serialization", "40001"))))
        .isTrue();
    assertThat(
            FileRouteConfiguration.isTransientDatabaseFault(
                new RuntimeException(new java.sql.SQLTimeoutException("statement timeout"))))
        .isTrue();
    assertThat(
            FileRouteConfiguration.isTransientDatabaseFault(
                new java.sql.SQLException("the server shut down", "57P01")))
        .isTrue();
    assertThat(
            FileRouteConfiguration.isTransientDatabaseFault(
                new java.sql.SQLException("check constraint", "23514")))
        .isFalse();
    assertThat(FileRouteConfiguration.isTransientDatabaseFault(new java.io.IOException("disk")))
        .isFalse();
  }

  @Test
  void incompleteUploadsAreLeftAlone() throws Exception {
    Files.writeString(folder("inbound").resolve("upload.csv.part"), "H,partial");
    Thread.sleep(2_500);
    assertThat(folder("inbound").resolve("upload.csv.part")).exists();
  }

  @Test
  void anEmptyFileIsAnsweredAndDoesNotHoldUpTheFilesBehindIt() throws Exception {
    NotifyBuilder both = new NotifyBuilder(context).whenDone(2).create();
    drop("empty.csv", "");
    drop("after-empty.csv", oneNight("E1"));
    assertThat(both.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readAllLines(folder("outbound").resolve("empty.csv.ack.csv")))
        .contains("status,REJECTED")
        .anyMatch(l -> l.startsWith("reason,EMPTY_FILE"));
    assertThat(Files.readAllLines(folder("outbound").resolve("after-empty.csv.ack.csv")))
        .contains("status,PROCESSED");
  }

  @Test
  void hiddenFilesAreAnUploadInProgressAndAreLeftAlone() throws Exception {
    Files.writeString(
        folder("inbound").resolve(".upload.csv"), PartnerFileProcessorTest.header() + "T,0,0\n");
    Thread.sleep(2_500);
    owner.check();
    assertThat(folder("inbound").resolve(".upload.csv")).exists();
    assertThat(folder("outbound").resolve(".upload.csv.ack.csv")).doesNotExist();
  }

  @Test
  void specialEntriesAreRefusedWithAnAnswerAndNeverRead() throws Exception {
    Path secret = root.resolve("secret.txt");
    Files.writeString(secret, "root:x:0:0:root:/root:/bin/bash\n");
    Files.createSymbolicLink(folder("inbound").resolve("passwd.csv"), secret);
    Files.createSymbolicLink(folder("inbound").resolve("dangling.csv"), root.resolve("nowhere"));
    Files.createDirectory(folder("inbound").resolve("folder.csv"));
    for (int i = 0;
        i < 100 && !Files.exists(folder("outbound").resolve("folder.csv.ack.csv"));
        i++) {
      owner.check();
      Thread.sleep(100);
    }
    for (String name : new String[] {"passwd.csv", "dangling.csv", "folder.csv"}) {
      Path ack = folder("outbound").resolve(name + ".ack.csv");
      for (int i = 0; i < 100 && !Files.exists(ack); i++) {
        Thread.sleep(100);
      }
      assertThat(Files.readAllLines(ack))
          .as(name)
          .contains("status,REJECTED")
          .anyMatch(l -> l.startsWith("reason,NOT_A_REGULAR_FILE"))
          .noneMatch(l -> l.contains("root:"));
      assertThat(folder("outbound").resolve(name + ".rejects.csv")).doesNotExist();
      assertThat(contains(folder("rejects"), name.substring(0, name.indexOf('.')) + ".")).isTrue();
    }
  }

  @Test
  void aHardLinkIsRefusedWithAnAnswerAndNeverRead() throws Exception {
    Path secret = root.resolve("other-partner.txt");
    Files.writeString(secret, "D,SECRET-1,1000000016,Secret,2026-11-01,STAY_NIGHT,1,,x\n");
    Files.createLink(folder("inbound").resolve("linked.csv"), secret);
    Path ack = folder("outbound").resolve("linked.csv.ack.csv");
    for (int i = 0; i < 100 && !Files.exists(ack); i++) {
      owner.check(); // or the route takes it first: refused the same way
      Thread.sleep(100);
    }
    assertThat(Files.readAllLines(ack))
        .contains("status,REJECTED")
        .anyMatch(l -> l.startsWith("reason,HARD_LINK"))
        .noneMatch(l -> l.contains("SECRET"));
    assertThat(folder("outbound").resolve("linked.csv.rejects.csv")).doesNotExist();
    assertThat(secret).exists(); // the other name is left where it was
  }

  @Test
  void aHiddenUploadIsAnsweredOnceItIsOldAndLeftAloneWhileItIsWritten() throws Exception {
    Path stale = folder("inbound").resolve(".stale.csv");
    Path fresh = folder("inbound").resolve(".fresh.csv");
    Files.writeString(stale, oneNight("H1").substring(0, 20));
    Files.writeString(fresh, oneNight("H2").substring(0, 20));
    Path folder = Files.createDirectory(folder("inbound").resolve(".server-own"));
    for (Path old : new Path[] {stale, folder}) {
      Files.setLastModifiedTime(
          old, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(7_200)));
    }
    owner.check();
    assertThat(Files.readAllLines(folder("outbound").resolve("stale.csv.ack.csv")))
        .contains("file,.stale.csv", "status,REJECTED")
        .anyMatch(l -> l.startsWith("reason,INCOMPLETE_UPLOAD") && l.contains("stale.csv"));
    assertThat(stale).doesNotExist();
    assertThat(contains(folder("rejects"), "stale.")).isTrue();
    assertThat(fresh).exists();
    assertThat(folder("outbound").resolve("fresh.csv.ack.csv")).doesNotExist();
    assertThat(folder).as("a hidden folder is no upload").isDirectory();
  }

  @Test
  void aFileOfADeadWorkerIsResumedAndALiveWorkersFileIsLeftAlone() throws Exception {
    String content = oneNight("D1");
    String folderKey = "partners/DEMO_HOTEL";
    Files.writeString(folder("processing").resolve("dead.csv"), content);
    ownership.renew("dead-worker", "elsewhere", 30);
    ownership.claim("dead-worker", folderKey, "dead.csv");
    ownership.kill("dead-worker");
    Files.writeString(folder("processing").resolve("alive.csv"), content.replace("D1", "D2"));
    ownership.renew("live-worker", "elsewhere", 30);
    ownership.claim("live-worker", folderKey, "alive.csv");

    NotifyBuilder resumed = new NotifyBuilder(context).whenDone(1).create();
    owner.check(); // the file just touched: its time does not matter, its owner does
    assertThat(resumed.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readAllLines(folder("outbound").resolve("dead.csv.ack.csv")))
        .contains("status,PROCESSED");
    for (int i = 0; i < 5; i++) {
      owner.check();
    }
    assertThat(folder("processing").resolve("alive.csv")).exists();
    assertThat(folder("outbound").resolve("alive.csv.ack.csv")).doesNotExist();
  }

  @Test
  void aFileNobodyClaimsGoesBackAtTheSecondCheck() throws Exception {
    String content = oneNight("U1");
    Files.writeString(folder("processing").resolve("orphan.csv"), content);
    owner.check();
    assertThat(folder("processing").resolve("orphan.csv")).exists();
    NotifyBuilder resumed = new NotifyBuilder(context).whenDone(1).create();
    owner.check();
    assertThat(resumed.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readAllLines(folder("outbound").resolve("orphan.csv.ack.csv")))
        .contains("status,PROCESSED");
  }
}
