package org.openmiles.retention.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OnExecutorTest {
  private final List<ExecutorService> executors = new ArrayList<>();

  @AfterEach
  void stop() {
    executors.forEach(ExecutorService::shutdownNow);
  }

  private ExecutorService threads(int n) {
    ExecutorService e = Executors.newFixedThreadPool(n);
    executors.add(e);
    return e;
  }

  /** An executor whose one thread is held by a task that never ends: nothing else starts. */
  private ExecutorService busy() throws InterruptedException {
    ExecutorService e = threads(1);
    CountDownLatch started = new CountDownLatch(1);
    e.submit(
        () -> {
          started.countDown();
          new CountDownLatch(1).await();
          return null;
        });
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    return e;
  }

  @Test
  void aTaskAlreadyRunningOnTheExecutorIsWaitedForNotRunAgain() throws Exception {
    // the failure it guards against: a run's quintiles, still being ranked on the executor, were
    // ranked a second time by the run's thread (cancel(false) succeeds on a running task), and the
    // second CREATE TABLE failed
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    OnExecutor.Running<String> r =
        OnExecutor.start(
            threads(1),
            () -> {
              runs.incrementAndGet();
              running.countDown();
              release.await();
              return "ranked";
            });
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    Thread releaser =
        new Thread(
            () -> {
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              release.countDown();
            });
    releaser.start();
    assertThat(OnExecutor.joined(r)).isEqualTo("ranked");
    assertThat(runs).hasValue(1);
  }

  @Test
  void aTaskTheExecutorHasNotStartedRunsOnTheThreadThatNeedsIt() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    List<String> where = Collections.synchronizedList(new ArrayList<>());
    ExecutorService executor = busy();
    OnExecutor.Running<Integer> r =
        OnExecutor.start(
            executor,
            () -> {
              where.add(Thread.currentThread().getName());
              return runs.incrementAndGet();
            });
    assertThat(OnExecutor.joined(r)).isEqualTo(1);
    assertThat(where).containsExactly(Thread.currentThread().getName());
    // the queued copy, should the executor ever start it, does nothing
    assertThat(r.task().call()).isNull();
    assertThat(runs).hasValue(1);
  }

  @Test
  void aTaskThatFailsOnTheExecutorFailsTheThreadThatJoinsIt() {
    OnExecutor.Running<Void> r =
        OnExecutor.start(
            threads(1),
            () -> {
              throw new IllegalStateException("cannot rank");
            });
    assertThatThrownBy(() -> OnExecutor.joined(r)).hasMessage("cannot rank");
  }

  @Test
  void twoLanesRunEveryStepOnceOnBothThreads() {
    int n = 40;
    AtomicInteger[] counts = new AtomicInteger[n];
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    List<Runnable> steps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      AtomicInteger c = counts[i] = new AtomicInteger();
      steps.add(
          () -> {
            c.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            try {
              Thread.sleep(5);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    OnExecutor.inTwoLanes(threads(1), steps);
    for (AtomicInteger c : counts) {
      assertThat(c).hasValue(1);
    }
    assertThat(threads).hasSize(n);
    assertThat(threads.stream().distinct().count()).isEqualTo(2);
  }

  @Test
  void withTheExecutorBusyTheCallingThreadRunsEveryStep() throws Exception {
    AtomicInteger done = new AtomicInteger();
    List<Runnable> steps = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      steps.add(done::incrementAndGet);
    }
    OnExecutor.inTwoLanes(busy(), steps);
    assertThat(done).hasValue(5);
  }

  @Test
  void aFailedStepStopsBothLanesAndIsPassedOnAfterTheOtherLanesStepEnded() throws Exception {
    ThreadPoolExecutor executor = (ThreadPoolExecutor) threads(1);
    CountDownLatch otherStarted = new CountDownLatch(1);
    AtomicInteger otherEnded = new AtomicInteger();
    AtomicInteger later = new AtomicInteger();
    List<Runnable> steps = new ArrayList<>();
    // the calling thread takes step 0 first (the executor's lane starts a little later): it waits
    // for the executor's lane to be inside step 1, then fails
    steps.add(
        () -> {
          try {
            assertThat(otherStarted.await(5, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new IllegalStateException("cannot build an index");
        });
    steps.add(
        () -> {
          otherStarted.countDown();
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          otherEnded.incrementAndGet();
        });
    for (int i = 0; i < 10; i++) {
      steps.add(later::incrementAndGet);
    }
    assertThatThrownBy(() -> OnExecutor.inTwoLanes(executor, steps))
        .hasMessage("cannot build an index");
    assertThat(otherEnded).as("the other lane's step had ended").hasValue(1);
    assertThat(later).as("no step taken after the failure").hasValue(0);
  }
}
