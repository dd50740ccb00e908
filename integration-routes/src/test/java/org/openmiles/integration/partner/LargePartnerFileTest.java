package org.openmiles.integration.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.InboundFileProcessor;

/**
 * A partner file several times larger than the test JVM's heap (surefire runs this module with
 * -Xmx40m) goes through both passes: the processor streams it instead of loading it.
 */
class LargePartnerFileTest {
  @TempDir Path root;

  @Test
  void aFileLargerThanTheHeapIsStreamed() throws Exception {
    int records = 600_000;
    Path file = root.resolve("big.csv");
    String day = java.time.LocalDate.now().minusDays(3).toString();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(PartnerFileProcessorTest.header());
      for (int i = 0; i < records; i++) {
        String m = MemberNumber.fromSequence(100_000_000L + (i % 50_000)).value();
        w.write(
            "D,TX"
                + i
                + ","
                + m
                + ",Nguyen,"
                + day
                + ",STAY_NIGHT,2,,Riverside Hanoi stay number "
                + i
                + "\n");
      }
      w.write("T," + records + "," + (2L * records) + "\n");
    }
    long max = Runtime.getRuntime().maxMemory();
    assertThat(Files.size(file)).as("the file must not fit in the heap").isGreaterThan(max);

    FakePartnerAccrual accrual = new FakePartnerAccrual();
    FileSettings settings = FileSettings.of(root.toString(), 2_000, 4_096, 12);
    settings.createPartnerFolders("DEMO_HOTEL");
    InboundFileProcessor p =
        InboundFileProcessor.of(
            settings,
            Clock.systemUTC(),
            new org.openmiles.integration.bootstrap.ContainerWork(),
            null);
    assertThat(p.handle(file, "big.csv", PartnerFeed.of("DEMO_HOTEL", accrual, settings)))
        .isEqualTo("archive");
    assertThat(accrual.credited).isEqualTo(records);
    assertThat(
            Files.readAllLines(
                settings.partnerFolder("DEMO_HOTEL", "outbound").resolve("big.csv.ack.csv")))
        .contains("accepted," + records, "miles_issued," + 20L * records);
  }
}
