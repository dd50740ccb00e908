package org.openmiles.app.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples of gauges and counters, written in Prometheus' text exposition format (version 0.0.4): a
 * {@code # HELP} and {@code # TYPE} line before the first sample of each metric, label values
 * escaped. The same samples can be listed as JSON for a client that asks for it.
 */
final class PrometheusText {
  /**
   * One sample: a metric, its type and help, its labels and its value; {@code family} is the name
   * its HELP and TYPE lines carry (a histogram's {@code _bucket}, {@code _sum} and {@code _count}
   * samples share their family's name).
   */
  record Sample(
      String family,
      String name,
      String type,
      String help,
      Map<String, String> labels,
      Number value) {}

  private final List<Sample> samples = new ArrayList<>();

  /** A gauge without labels. */
  PrometheusText gauge(String name, String help, Number value) {
    return sample(name, "gauge", help, Map.of(), value);
  }

  /** A sample of a metric of {@code type} (gauge, counter) with labels. */
  PrometheusText sample(
      String name, String type, String help, Map<String, String> labels, Number value) {
    return part(name, "", type, help, labels, value);
  }

  /**
   * A sample named {@code family + suffix} under the HELP and TYPE of {@code family}: the {@code
   * _bucket}, {@code _sum} and {@code _count} of a histogram.
   */
  PrometheusText part(
      String family,
      String suffix,
      String type,
      String help,
      Map<String, String> labels,
      Number value) {
    Map<String, String> sorted = new TreeMap<>();
    labels.forEach((k, v) -> sorted.put(sanitize(k), v));
    String base = sanitize(family);
    samples.add(new Sample(base, base + suffix, type, help, sorted, value));
    return this;
  }

  List<Sample> samples() {
    return List.copyOf(samples);
  }

  /** The text format; samples of one metric stay together under their first HELP and TYPE. */
  String text() {
    Map<String, List<Sample>> byName = new LinkedHashMap<>();
    samples.forEach(s -> byName.computeIfAbsent(s.family(), k -> new ArrayList<>()).add(s));
    StringBuilder out = new StringBuilder(4096);
    for (List<Sample> metric : byName.values()) {
      Sample first = metric.get(0);
      out.append("# HELP ").append(first.family()).append(' ');
      out.append(first.help().replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
      out.append("# TYPE ").append(first.family()).append(' ').append(first.type()).append('\n');
      for (Sample s : metric) {
        out.append(s.name());
        if (!s.labels().isEmpty()) {
          out.append('{');
          String sep = "";
          for (var l : s.labels().entrySet()) {
            out.append(sep).append(l.getKey()).append("=\"").append(escape(l.getValue()));
            out.append('"');
            sep = ",";
          }
          out.append('}');
        }
        out.append(' ').append(format(s.value())).append('\n');
      }
    }
    return out.toString();
  }

  /** Metric and label names: lower-case letters, digits and underscores, not starting a digit. */
  static String sanitize(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "_" + s : s;
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static String format(Number n) {
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d)) {
        return "NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "+Inf" : "-Inf";
      }
      return Double.toString(d);
    }
    return Long.toString(n.longValue());
  }
}
