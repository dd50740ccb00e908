package org.openmiles.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobTimesTest {

  @Test
  void eachJobHasItsRunsFailuresSkipsAndLastDuration() {
    JobTimes times = new JobTimes();
    times.ran("hold-expiry", 2_500_000_000L, false);
    times.ran("hold-expiry", 1_000_000_000L, true);
    times.skipped("hold-expiry");
    times.skipped("miles-expiry");

    assertThat(times.gauges())
        .containsEntry("job_hold_expiry_runs_total", 2L)
        .containsEntry("job_hold_expiry_failures_total", 1L)
        .containsEntry("job_hold_expiry_skipped_total", 1L)
        .containsEntry("job_hold_expiry_last_seconds", 1.0)
        .containsEntry("job_miles_expiry_runs_total", 0L)
        .containsEntry("job_miles_expiry_skipped_total", 1L)
        .doesNotContainKey("job_miles_expiry_last_seconds");
  }
}
