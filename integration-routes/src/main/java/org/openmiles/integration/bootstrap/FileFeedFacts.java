package org.openmiles.integration.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.common.operations.OperationalFacts;
import org.openmiles.integration.common.FileCounts;
import org.openmiles.integration.common.FileSettings;

/**
 * The file routes as operations see them: each route by name with its state, and the backlog of
 * every feed (files waiting in {@code inbound/} or being read in {@code processing/}). The public
 * readiness check ({@link CamelReadiness}) gives counts only.
 */
@ApplicationScoped
public class FileFeedFacts implements OperationalFacts {

  @Inject CamelRuntime camel;
  @Inject FileSettings files;

  @Inject
  @ConfigProperty(name = "openmiles.files.enabled", defaultValue = "true")
  boolean enabled;

  @Override
  public String name() {
    return "routes";
  }

  @Override
  public boolean up() {
    if (!enabled) {
      return true;
    }
    Map<String, String> status = camel.routeStatus();
    return camel.isStarted() && status.values().stream().allMatch("Started"::equals);
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("enabled", enabled);
    out.put("routes", camel.routeStatus());
    out.put("inbound", backlog("inbound"));
    out.put("processing", backlog("processing"));
    return out;
  }

  @Override
  public Map<String, Number> gauges() {
    Map<String, String> status = camel.routeStatus();
    Map<String, Number> out = new LinkedHashMap<>();
    out.put("routes", status.size());
    out.put("routes_started", status.values().stream().filter("Started"::equals).count());
    out.put("files_inbound", total(backlog("inbound")));
    out.put("files_processing", total(backlog("processing")));
    out.putAll(FileCounts.gauges());
    return out;
  }

  private static long total(Map<String, Long> byFeed) {
    return byFeed.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Files in {@code folder} of every feed ({@code partners/DEMO_HOTEL}, {@code airline/flown}). */
  private Map<String, Long> backlog(String folder) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String kind : new String[] {"partners", "airline"}) {
      Path base = files.root().resolve(kind);
      if (!Files.isDirectory(base)) {
        continue;
      }
      try (DirectoryStream<Path> feeds = Files.newDirectoryStream(base, Files::isDirectory)) {
        for (Path feed : feeds) {
          out.put(kind + "/" + feed.getFileName(), count(feed.resolve(folder)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static long count(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }
}
