package org.openmiles.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openmiles.accrual.api.PartnerFileView;

class FilesMonitorTest {
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  private static PartnerFileView file(String status, Integer records, Instant receivedAt) {
    return new PartnerFileView(
        1, "DEMO_HOTEL", "f.csv", status, "why", records, 0, 0, 0, 0, 0, 0, 0, receivedAt, null);
  }

  @Test
  void aFileStillProcessingLongAfterItCameInIsStuckAndSaysWhatToCheck() {
    var s = FilesBean.shown(file("PROCESSING", null, NOW.minus(Duration.ofMinutes(42))), NOW);
    assertThat(s.status()).isEqualTo("STUCK");
    assertThat(s.reason())
        .startsWith("Still processing 42 minutes")
        .contains("Check that a server");
  }

  @Test
  void aFileProcessingForLessThanTheLimitIsJustProcessing() {
    var f = file("PROCESSING", null, NOW.minus(FilesBean.STUCK_AFTER));
    assertThat(FilesBean.shown(f, NOW).status()).isEqualTo("PROCESSING");
    assertThat(FilesBean.shown(f, NOW).reason()).isEqualTo("why");
  }

  @Test
  void aFileDoneWithoutRecordsIsEmpty() {
    var s = FilesBean.shown(file("DONE", 0, NOW), NOW);
    assertThat(s.status()).isEqualTo("EMPTY");
    assertThat(s.reason()).contains("ask the partner");
    assertThat(FilesBean.shown(file("DONE", 3, NOW), NOW).status()).isEqualTo("DONE");
    // a refused file is refused, whatever its count
    assertThat(FilesBean.shown(file("REJECTED", 0, NOW), NOW).status()).isEqualTo("REJECTED");
  }

  @Test
  void theFilterOffersEveryStatusTheMonitorShows() {
    assertThat(FilesBean.STATUSES)
        .containsExactly("PROCESSING", "STUCK", "DONE", "EMPTY", "REJECTED", "FAILED");
  }
}
