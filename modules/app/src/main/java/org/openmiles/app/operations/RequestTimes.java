package org.openmiles.app.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * API requests counted by operation (as the access matrix names it: {@code GET
 * /v1/members/{number}}) and status, with a latency histogram each, since this instance started.
 * Prometheus computes rates and percentiles from them ({@code rate(..._count[5m])}, {@code
 * histogram_quantile(0.99, ...)}); docs/runbook.md lists the metrics.
 */
@ApplicationScoped
public class RequestTimes {
  /** Bucket bounds in seconds: the API's aim is p99 under 50 ms; slower answers still count. */
  static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private record Key(String method, String operation, int status) {}

  /** A histogram: a counter per bucket (not cumulative), their sum of seconds and their count. */
  static final class Histogram {
    final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
    final DoubleAdder seconds = new DoubleAdder();
    final LongAdder count = new LongAdder();

    Histogram() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void record(double s) {
      int i = 0;
      while (i < BOUNDS.length && s > BOUNDS[i]) {
        i++;
      }
      buckets[i].increment();
      seconds.add(s);
      count.increment();
    }
  }

  private final Map<Key, Histogram> histograms = new ConcurrentHashMap<>();

  /** One answered request of {@code operation} ("unmatched" when none matched). */
  public void record(String method, String operation, int status, long nanos) {
    histograms
        .computeIfAbsent(new Key(method, operation, status), k -> new Histogram())
        .record(nanos / 1e9);
  }

  /** The histograms as {@code openmiles_http_request_duration_seconds}. */
  void addTo(PrometheusText out) {
    String family = "openmiles_http_request_duration_seconds";
    String help = "API requests by operation and status, and how long they took (seconds)";
    histograms.forEach(
        (k, h) -> {
          Map<String, String> labels =
              Map.of("method", k.method(), "operation", k.operation(), "status", "" + k.status());
          long cumulative = 0;
          for (int i = 0; i <= BOUNDS.length; i++) {
            cumulative += h.buckets[i].sum();
            Map<String, String> withLe = new java.util.HashMap<>(labels);
            withLe.put("le", i < BOUNDS.length ? Double.toString(BOUNDS[i]) : "+Inf");
            out.part(family, "_bucket", "histogram", help, withLe, cumulative);
          }
          out.part(family, "_sum", "histogram", help, labels, h.seconds.sum());
          out.part(family, "_count", "histogram", help, labels, h.count.sum());
        });
  }
}
