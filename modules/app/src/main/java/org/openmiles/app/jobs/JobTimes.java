package org.openmiles.app.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openmiles.common.operations.OperationalFacts;

/**
 * The scheduled jobs as this instance saw them, per job: runs, failures, runs skipped because
 * another instance held the job's cluster lock ({@link ClusterLock}), and how long the last run
 * took. Summed over the instances, runs plus skipped counts every timer firing, and runs alone the
 * times the job actually ran in the cluster.
 */
@ApplicationScoped
public class JobTimes implements OperationalFacts {
  private record Job(LongAdder runs, LongAdder failures, LongAdder skipped, AtomicLong lastNanos) {
    Job() {
      this(new LongAdder(), new LongAdder(), new LongAdder(), new AtomicLong(-1));
    }
  }

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  private Job job(String name) {
    return jobs.computeIfAbsent(name, n -> new Job());
  }

  void skipped(String name) {
    job(name).skipped().increment();
  }

  void ran(String name, long nanos, boolean failed) {
    Job j = job(name);
    j.runs().increment();
    if (failed) {
      j.failures().increment();
    }
    j.lastNanos().set(nanos);
  }

  @Override
  public String name() {
    return "jobs";
  }

  @Override
  public boolean up() {
    return true;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> out = new TreeMap<>();
    jobs.forEach(
        (name, j) ->
            out.put(
                name,
                Map.of(
                    "runs", j.runs().sum(),
                    "failures", j.failures().sum(),
                    "skipped", j.skipped().sum(),
                    "lastSeconds", j.lastNanos().get() < 0 ? -1 : j.lastNanos().get() / 1e9)));
    return out;
  }

  @Override
  public Map<String, Number> gauges() {
    Map<String, Number> out = new LinkedHashMap<>();
    new TreeMap<>(jobs)
        .forEach(
            (name, j) -> {
              String metric = "job_" + name.replaceAll("[^A-Za-z0-9]", "_");
              out.put(metric + "_runs_total", j.runs().sum());
              out.put(metric + "_failures_total", j.failures().sum());
              out.put(metric + "_skipped_total", j.skipped().sum());
              if (j.lastNanos().get() >= 0) {
                out.put(metric + "_last_seconds", j.lastNanos().get() / 1e9);
              }
            });
    return out;
  }
}
