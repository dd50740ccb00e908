package org.openmiles.integration.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmiles.integration.bootstrap.ContainerWork;
import org.openmiles.integration.common.FileOwner;
import org.openmiles.integration.common.FileRouteConfiguration;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.InMemoryFileOwnership;
import org.openmiles.integration.common.InMemoryPickUps;
import org.openmiles.integration.common.InboundFileProcessor;

/**
 * The partner route as one instance of a cluster (ADR 0032): it takes a file only when the shared
 * pick-ups let it, leaves a file another live instance holds, takes it once that instance is dead,
 * and is not stopped by what a killed process left in {@code inbound/}.
 */
class ClusterPickUpRouteTest extends CamelTestSupport {
  @TempDir static Path root;
  static FakePartnerAccrual accrual = new FakePartnerAccrual();
  static InMemoryFileOwnership workers = new InMemoryFileOwnership();
  static InMemoryPickUps pickUps = new InMemoryPickUps(workers);

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    FileSettings settings = FileSettings.of(root.toString(), 100, 4_096, 12);
    FileOwner owner = FileOwner.of(workers, pickUps, settings);
    workers.renew(owner.worker(), "this", settings.leaseSeconds());
    InboundFileProcessor processor =
        InboundFileProcessor.of(settings, Clock.systemUTC(), new ContainerWork(), owner);
    PartnerFileRoutes routes = new PartnerFileRoutes();
    routes.accrual = accrual;
    routes.wire(settings, owner, processor);
    return new RoutesBuilder[] {FileRouteConfiguration.of(settings), routes};
  }

  private static Path inbound() {
    return root.resolve("partners").resolve("DEMO_HOTEL").resolve("inbound");
  }

  private static void drop(String name, String tx) throws Exception {
    Path part = inbound().resolve(name + ".part");
    Files.writeString(
        part,
        PartnerFileProcessorTest.header()
            + PartnerFileProcessorTest.detail(tx, PartnerFileProcessorTest.M1, "1")
            + "T,1,1\n",
        StandardCharsets.UTF_8);
    Files.move(part, inbound().resolve(name));
  }

  private static Path ack(String name) {
    return root.resolve("partners/DEMO_HOTEL/outbound").resolve(name + ".ack.csv");
  }

  @Test
  void aFileAnotherLiveInstanceHoldsIsLeftUntilThatInstanceIsGone() throws Exception {
    String other = "other-instance";
    workers.renew(other, "there", 30);
    assertThat(pickUps.take(other, "partners/DEMO_HOTEL/held.csv", 30)).isTrue();
    drop("held.csv", "H1");
    Thread.sleep(2_000);
    assertThat(inbound().resolve("held.csv")).as("left to the instance holding it").exists();
    assertThat(ack("held.csv")).doesNotExist();

    NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
    workers.kill(other);
    assertThat(done.matches(20, TimeUnit.SECONDS)).as("taken once its holder is dead").isTrue();
    assertThat(Files.readAllLines(ack("held.csv"))).contains("status,PROCESSED");
    // given up when the exchange completes, a moment after it is counted done
    for (int i = 0; i < 50 && pickUps.held("partners/DEMO_HOTEL/held.csv"); i++) {
      Thread.sleep(100);
    }
    assertThat(pickUps.held("partners/DEMO_HOTEL/held.csv")).as("given up").isFalse();
  }

  @Test
  void whatAKilledProcessLeftInInboundDoesNotHoldAFileBack() throws Exception {
    // Camel's marker-file read lock, which a killed process leaves behind: a later instance
    // could not take the file until someone restarted
    Files.writeString(inbound().resolve("orphan.csv.camelLock"), "");
    NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
    drop("orphan.csv", "O1");
    assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readAllLines(ack("orphan.csv"))).contains("status,PROCESSED");
    try (var left = Files.list(inbound())) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("no lock file of this process in inbound/")
          .containsOnly("orphan.csv.camelLock");
    }
  }
}
