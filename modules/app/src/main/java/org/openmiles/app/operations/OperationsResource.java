package org.openmiles.app.operations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.common.operations.OperationalFacts;

/**
 * The metrics and the detailed health, for the {@code operations} role only (the access matrix):
 * Prometheus scrapes the metrics with a bearer token like any other API client. The public {@code
 * /health/live} and {@code /health/ready} stay as they are, with counts and no names; Payara's own
 * {@code /metrics} is switched off, because it cannot take an API token (ADR 0027).
 */
@Path("v1/operations")
@RequestScoped
@Tag(name = "Operations", description = "Metrics and detailed health, for operations only")
public class OperationsResource {
  private static final Logger LOG = Logger.getLogger(OperationsResource.class.getName());

  /** Prometheus' text exposition format, version 0.0.4. */
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  @Inject @Any Instance<HealthCheck> checks;
  @Inject @Any Instance<OperationalFacts> facts;
  @Inject RequestTimes requests;

  @GET
  @Path("metrics")
  @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Metrics in Prometheus' text format",
      description =
          "JVM memory, threads, garbage collection, CPU and uptime; API requests by operation"
              + " and status with a latency histogram; the database (up, check time,"
              + " migrations); the file routes (started, backlog of files in inbound and"
              + " processing); the outbox (pending, failing, oldest); one gauge per health check. Text format 0.0.4 by default, the same"
              + " samples as JSON when asked for application/json.")
  @APIResponse(
      responseCode = "200",
      description = "the samples",
      content = {
        @Content(mediaType = MediaType.TEXT_PLAIN),
        @Content(mediaType = MediaType.APPLICATION_JSON)
      })
  public Response metrics(@Context Request request) {
    PrometheusText out = new PrometheusText();
    JvmMetrics.addTo(out);
    requests.addTo(out);
    for (OperationalFacts f : facts) {
      Map<String, Number> gauges = read(f.name(), f::gauges).orElse(Map.of());
      gauges.forEach(
          (name, value) -> out.gauge("openmiles_" + name, f.name() + ": " + name, value));
    }
    for (var c : results()) {
      out.sample(
          "openmiles_health_check_up",
          "gauge",
          "1 when the health check is UP, 0 when DOWN",
          Map.of("check", c.name(), "kind", c.kind()),
          c.up() ? 1 : 0);
    }
    Variant json = new Variant(MediaType.APPLICATION_JSON_TYPE, (String) null, null);
    Variant text = new Variant(MediaType.valueOf(PROMETHEUS_TEXT), (String) null, null);
    Variant chosen = request.selectVariant(List.of(text, json));
    if (json.equals(chosen)) {
      List<Map<String, Object>> samples = new ArrayList<>();
      for (var s : out.samples()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("type", s.type());
        m.put("labels", s.labels());
        m.put("value", s.value());
        samples.add(m);
      }
      return Response.ok(Map.of("samples", samples), MediaType.APPLICATION_JSON_TYPE).build();
    }
    return Response.ok(out.text(), PROMETHEUS_TEXT).build();
  }

  @GET
  @Path("health")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Detailed health: every check with its data, and each module's named details",
      description =
          "What /health/ready leaves out: route names and states, the backlog of each file feed,"
              + " the database product and the time its check took. 200 whether UP or DOWN; the"
              + " status is in the body.")
  public Map<String, Object> health() {
    List<Map<String, Object>> sections = new ArrayList<>();
    boolean up = true;
    for (var c : results()) {
      up &= c.up();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("kind", c.kind());
      m.put("status", c.up() ? "UP" : "DOWN");
      m.put("data", c.data());
      sections.add(m);
    }
    for (OperationalFacts f : facts) {
      Optional<Map<String, Object>> details = read(f.name(), f::details);
      boolean factUp = details.isPresent() && read(f.name(), f::up).orElse(false);
      up &= factUp;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name());
      m.put("kind", "details");
      m.put("status", factUp ? "UP" : "DOWN");
      m.put("data", details.orElse(Map.of("error", "could not be read; see the server log")));
      sections.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", up ? "UP" : "DOWN");
    out.put("checks", sections);
    return out;
  }

  private record Result(String name, String kind, boolean up, Map<String, Object> data) {}

  /** Every liveness and readiness check of the application, called now. */
  private List<Result> results() {
    List<Result> out = new ArrayList<>();
    for (Instance.Handle<HealthCheck> h : checks.handles()) {
      String kind = kindOf(h.getBean().getQualifiers());
      if (kind == null) {
        continue;
      }
      HealthCheckResponse r;
      try {
        r = h.get().call();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "health check failed", e);
        out.add(new Result(h.getBean().getBeanClass().getSimpleName(), kind, false, Map.of()));
        continue;
      }
      Map<String, Object> data = new LinkedHashMap<>(r.getData().orElse(Map.of()));
      out.add(new Result(r.getName(), kind, r.getStatus() == HealthCheckResponse.Status.UP, data));
    }
    return out;
  }

  private static String kindOf(java.util.Set<Annotation> qualifiers) {
    for (Annotation q : qualifiers) {
      if (q.annotationType() == Readiness.class) {
        return "readiness";
      }
      if (q.annotationType() == Liveness.class) {
        return "liveness";
      }
    }
    return null;
  }

  /** One module's answer, or empty (and the reason in the log) if it could not give it. */
  private static <T> Optional<T> read(String name, java.util.function.Supplier<T> fact) {
    try {
      return Optional.ofNullable(fact.get());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "operational facts of " + name + " could not be read", e);
      return Optional.empty();
    }
  }
}
