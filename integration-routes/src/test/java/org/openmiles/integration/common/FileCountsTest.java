package org.openmiles.integration.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.accrual.api.FileSummary;

class FileCountsTest {

  @Test
  void aProcessedFileAddsItsRecordsByOutcome() {
    Map<String, Number> before = FileCounts.gauges();
    FileCounts.processed(new FileSummary(10, 6, 1, 2, 1, 3_000, 0, 0, 0));
    Map<String, Number> after = FileCounts.gauges();
    assertThat(delta(before, after, "files_processed_total")).isEqualTo(1);
    assertThat(delta(before, after, "file_records_total")).isEqualTo(10);
    assertThat(delta(before, after, "file_records_credited_total")).isEqualTo(6);
    assertThat(delta(before, after, "file_records_duplicate_total")).isEqualTo(1);
    assertThat(delta(before, after, "file_records_parked_total")).isEqualTo(2);
    assertThat(delta(before, after, "file_records_rejected_total")).isEqualTo(1);
    assertThat(delta(before, after, "file_records_reversed_total")).isZero();
  }

  private static long delta(Map<String, Number> before, Map<String, Number> after, String key) {
    return after.get(key).longValue() - before.get(key).longValue();
  }
}
