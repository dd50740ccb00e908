package org.openmiles.console.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Chart.js configurations for PrimeFaces' {@code p:chart} (its {@code value} is the Chart.js
 * configuration as JSON; the Java chart models are deprecated since PrimeFaces 14). Animation is
 * off: the dashboard is read at a glance, and screenshots show the final picture.
 */
final class ChartConfig {
  private static final String[] PALETTE = {
    "#1992d4", "#7cc4f0", "#f0b429", "#616e7c", "#0b3d5c", "#3ebd93", "#e66a6a", "#9446ed"
  };

  private ChartConfig() {}

  /** Vertical bars, one series. */
  static String bars(String label, List<String> labels, List<Long> values) {
    return chart("bar", label, labels, values, false).toString();
  }

  /** Horizontal bars, one series (long category names such as partner names). */
  static String horizontalBars(String label, List<String> labels, List<Long> values) {
    return chart("bar", label, labels, values, true).toString();
  }

  /** A doughnut, one colour per slice. */
  static String doughnut(String label, List<String> labels, List<Long> values) {
    return chart("doughnut", label, labels, values, false).toString();
  }

  private static jakarta.json.JsonObject chart(
      String type, String label, List<String> labels, List<Long> values, boolean horizontal) {
    if (labels.size() != values.size()) {
      throw new IllegalArgumentException("one value per label");
    }
    JsonArrayBuilder l = Json.createArrayBuilder();
    labels.forEach(l::add);
    JsonArrayBuilder v = Json.createArrayBuilder();
    values.forEach(v::add);
    JsonArrayBuilder colours = Json.createArrayBuilder();
    for (int i = 0; i < values.size(); i++) {
      colours.add(PALETTE[type.equals("doughnut") ? i % PALETTE.length : 0]);
    }
    JsonObjectBuilder options =
        Json.createObjectBuilder()
            .add("responsive", true)
            .add("maintainAspectRatio", false)
            .add("animation", false)
            .add(
                "plugins",
                Json.createObjectBuilder()
                    .add(
                        "legend",
                        Json.createObjectBuilder()
                            .add("display", type.equals("doughnut"))
                            .add("position", "right")));
    if (horizontal) {
      options.add("indexAxis", "y");
    }
    return Json.createObjectBuilder()
        .add("type", type)
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", l)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", label)
                                .add("data", v)
                                .add("backgroundColor", colours))))
        .add("options", options)
        .build();
  }
}
