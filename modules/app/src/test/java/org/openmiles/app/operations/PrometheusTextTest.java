package org.openmiles.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void samplesOfOneMetricShareOneHelpAndTypeAndLabelsAreSortedAndEscaped() {
    String text =
        new PrometheusText()
            .sample("jvm_gc_total", "counter", "Collections", Map.of("gc", "G1 Young"), 3)
            .gauge("openmiles_routes", "routes", 9)
            .sample(
                "jvm_gc_total", "counter", "Collections", Map.of("gc", "a\"b\\c", "area", "x"), 1)
            .gauge("process_cpu_load", "cpu", 0.25)
            .text();
    assertThat(text)
        .isEqualTo(
            """
            # HELP jvm_gc_total Collections
            # TYPE jvm_gc_total counter
            jvm_gc_total{gc="G1 Young"} 3
            jvm_gc_total{area="x",gc="a\\"b\\\\c"} 1
            # HELP openmiles_routes routes
            # TYPE openmiles_routes gauge
            openmiles_routes 9
            # HELP process_cpu_load cpu
            # TYPE process_cpu_load gauge
            process_cpu_load 0.25
            """);
  }

  @Test
  void namesBecomeValidMetricNamesAndOddNumbersKeepTheirMeaning() {
    assertThat(PrometheusText.sanitize("routes-started.Total")).isEqualTo("routes_started_total");
    assertThat(PrometheusText.sanitize("9lives")).isEqualTo("_9lives");
    assertThat(PrometheusText.format(Double.NaN)).isEqualTo("NaN");
    assertThat(PrometheusText.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(PrometheusText.format(-1L)).isEqualTo("-1");
  }
}
