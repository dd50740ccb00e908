package org.openmiles.retention.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RunningHereTest {
  static final Logger LOG = Logger.getLogger(RunningHereTest.class.getName());

  @Test
  void aStoppingServerFailsTheRunsStillExecutingAndOnlyThose() throws Exception {
    RunningHere here = new RunningHere();
    here.execute(1, () -> {}); // finished before the stop
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread worker =
        new Thread(
            () ->
                here.execute(
                    2,
                    () -> {
                      started.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    worker.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    List<Long> failed = new ArrayList<>();
    here.stopping(failed::add, LOG);
    assertThat(failed).containsExactly(2L);
    release.countDown();
    worker.join(10_000);
    assertThat(here.now()).isEmpty();
  }

  @Test
  void aRunThatThrowsIsNoLongerExecutingAndAFailingMarkIsOnlyLogged() {
    RunningHere here = new RunningHere();
    assertThatThrownBy(
            () ->
                here.execute(
                    3,
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(here.now()).isEmpty();
    here.execute(
        4,
        () ->
            here.stopping(
                run -> {
                  throw new IllegalStateException("database gone");
                },
                LOG));
    assertThat(here.now()).isEmpty();
  }
}
