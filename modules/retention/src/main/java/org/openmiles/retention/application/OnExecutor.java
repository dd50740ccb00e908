package org.openmiles.retention.application;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work a scoring run hands to the container's executor (ADR 0007) while its own thread goes on.
 * Each task runs exactly once: on the executor, or on the thread that needs its result if the
 * executor had not started it by then (all its threads busy), so a run never waits on a task nobody
 * runs, and never runs one twice: a task already running is waited for (cancelling it would not
 * stop it; ADR 0044).
 */
final class OnExecutor {
  private OnExecutor() {}

  /** A task that runs once, by whichever thread takes it first. */
  static final class Once<T> implements Callable<T> {
    private final AtomicBoolean taken = new AtomicBoolean();
    private final Callable<T> work;

    Once(Callable<T> work) {
      this.work = work;
    }

    /** The executor's side: runs the work unless the thread that needs it took it first. */
    @Override
    public T call() throws Exception {
      return taken.compareAndSet(false, true) ? work.call() : null;
    }

    /** Takes the task for the calling thread; false if the executor took it first. */
    boolean takeHere() {
      return taken.compareAndSet(false, true);
    }
  }

  /** A task handed to the executor, with its future. */
  record Running<T>(Once<T> task, Future<T> future) {}

  /** Hands {@code work} to {@code executor}. */
  static <T> Running<T> start(ExecutorService executor, Callable<T> work) {
    Once<T> task = new Once<>(work);
    return new Running<>(task, executor.submit(task));
  }

  /**
   * What {@code running} computes: done here if the executor had not started it, else waited for.
   */
  static <T> T joined(Running<T> running) {
    try {
      if (running.task().takeHere()) {
        running.future().cancel(false);
        return running.task().work.call();
      }
      return running.future().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scoring", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("scoring failed", e.getCause());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("scoring failed", e);
    }
  }

  /**
   * Runs {@code steps}, each once, on the calling thread and on one of {@code executor}'s threads:
   * both take the next step not yet taken until none is left. Returns when every step taken has
   * ended; the first failure is passed on after that (the other lane takes no step after it).
   */
  static void inTwoLanes(ExecutorService executor, List<Runnable> steps) {
    AtomicInteger next = new AtomicInteger();
    Callable<Void> lane =
        () -> {
          for (int i = next.getAndIncrement(); i < steps.size(); i = next.getAndIncrement()) {
            try {
              steps.get(i).run();
            } catch (RuntimeException e) {
              next.set(steps.size());
              throw e;
            }
          }
          return null;
        };
    Running<Void> other = start(executor, lane);
    RuntimeException failed = null;
    try {
      lane.call();
    } catch (RuntimeException e) {
      failed = e;
    } catch (Exception e) {
      failed = new IllegalStateException("scoring failed", e);
    }
    try {
      joined(other);
    } catch (RuntimeException e) {
      if (failed == null) {
        failed = e;
      } else {
        failed.addSuppressed(e);
      }
    }
    if (failed != null) {
      throw failed;
    }
  }
}
