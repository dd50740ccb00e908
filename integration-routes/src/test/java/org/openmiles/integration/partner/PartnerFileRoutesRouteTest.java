package org.openmiles.integration.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmiles.integration.common.FileSettings;

/**
 * The partner file route itself (file consumer options, moves, the error path) with camel-test and
 * a fake accrual service: a processed file is archived, a refused one goes to rejects, a fault
 * sends the file to failed.
 */
class PartnerFileRoutesRouteTest extends CamelTestSupport {
  @TempDir static Path root;
  static FakePartnerAccrual accrual = new FakePartnerAccrual();
  static boolean failNext;

  @Override
  protected RoutesBuilder createRouteBuilder() {
    FileSettings settings = FileSettings.of(root.toString(), 100, 4_096, 12);
    PartnerFileProcessor processor =
        new PartnerFileProcessor() {
          @Override
          public String handle(Path path, String name, String partnerCode)
              throws java.io.IOException {
            if (failNext) {
              failNext = false;
              throw new java.io.IOException("simulated outage");
            }
            return super.handle(path, name, partnerCode);
          }
        };
    processor.accrual = accrual;
    processor.settings = settings;
    processor.clock = Clock.systemUTC();
    PartnerFileRoutes routes = new PartnerFileRoutes();
    routes.accrual = accrual;
    routes.settings = settings;
    routes.processor = processor;
    processor.container = new org.openmiles.integration.bootstrap.ContainerWork();
    return routes;
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

    failNext = true;
    NotifyBuilder three = new NotifyBuilder(context).whenDone(1).create();
    drop("unlucky.csv", good.replace("R1", "R2"));
    assertThat(three.matches(30, TimeUnit.SECONDS)).isTrue();
    assertThat(contains(folder("failed"), "unlucky.")).isTrue();
    assertThat(accrual.credited).isEqualTo(1);
  }

  @Test
  void incompleteUploadsAreLeftAlone() throws Exception {
    Files.writeString(folder("inbound").resolve("upload.csv.part"), "H,partial");
    Thread.sleep(2_500);
    assertThat(folder("inbound").resolve("upload.csv.part")).exists();
  }
}
