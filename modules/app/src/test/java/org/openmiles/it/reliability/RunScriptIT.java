package org.openmiles.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmiles.it.support.ServerProcess;

/**
 * Issue 18: the README's start command with two instances, {@code ./openmiles run --instances 2},
 * starts PostgreSQL, the edge and both instances, serves through the edge, and on SIGTERM (what
 * Ctrl-C or a service manager sends) stops every process it started and leaves nothing running or
 * listening. It runs the script itself, on ports and a state folder of its own, with the WAR under
 * test ({@code OPENMILES_SKIP_BUILD}).
 */
class RunScriptIT {
  private Process script;

  @AfterEach
  void stop() throws InterruptedException {
    if (script != null && script.isAlive()) {
      script.destroy();
      script.waitFor(120, TimeUnit.SECONDS);
    }
  }

  @Test
  void runWithTwoInstancesServesThroughTheEdgeAndStopsEverythingItStarted() throws Exception {
    Path root = Path.of(System.getProperty("openmiles.root", "../..")).toAbsolutePath().normalize();
    // under target/, not /tmp: PostgreSQL runs as the postgres user when the tests run as root, and
    // must reach its data folder (a JUnit temporary folder is closed to other users)
    Path state = root.resolve("modules/app/target/run-script-it");
    deleteRecursively(state);
    Files.createDirectories(state);
    int http = ServerProcess.freePort();
    int pg = ServerProcess.freePort();
    int instances = twoFreePorts();
    Path log = state.resolve("run.log");
    ProcessBuilder pb =
        new ProcessBuilder("bash", root.resolve("openmiles").toString(), "run", "--instances", "2")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("OPENMILES_STATE_DIR", state.toString());
    env.put("OPENMILES_FILES_ROOT", state.resolve("files").toString());
    env.put("OPENMILES_HTTP_PORT", String.valueOf(http));
    env.put("OPENMILES_HTTPS_PORT", String.valueOf(ServerProcess.freePort()));
    env.put("OPENMILES_PG_PORT", String.valueOf(pg));
    env.put("OPENMILES_INSTANCE_PORT", String.valueOf(instances));
    env.put("OPENMILES_BIND_ADDRESS", "127.0.0.1");
    env.put("OPENMILES_DEMO_MEMBERS", "20");
    env.put("OPENMILES_SKIP_BUILD", "1");
    // what the test command exported for the server under test: the run makes its own
    for (String inherited :
        List.of(
            "OPENMILES_INSTANCES",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "MP_JWT_VERIFY_PUBLICKEY",
            "OPENMILES_JWT_PRIVATE_KEY",
            "OPENMILES_FILES_POLL_MS",
            "OPENMILES_FILES_RECOVER_AFTER_SECONDS")) {
      env.remove(inherited);
    }
    script = pb.start();

    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(420);
    while (!Files.readString(log).contains("OpenMiles is running")) {
      assertThat(script.isAlive()).as("the script stopped; its output: %s", tail(log)).isTrue();
      assertThat(System.nanoTime())
          .as("ready within 420 s; output: %s", tail(log))
          .isLessThan(until);
      Thread.sleep(500);
    }
    HttpResponse<String> ready =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/health/ready"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(Files.readString(log))
        .as("the demo member the start prints was found with the run's own token")
        .containsPattern(
            "Demo member +http://127\\.0\\.0\\.1:" + http + "/api/v1/members/[0-9]{10}");
    List<ProcessHandle> started = script.descendants().toList();
    List<String> commands = new ArrayList<>();
    started.forEach(p -> commands.add(p.info().command().orElse("?")));
    assertThat(commands)
        .as("two instances and the edge under the script")
        .filteredOn(c -> c.endsWith("/java"))
        .hasSize(2);
    assertThat(commands).anySatisfy(c -> assertThat(c).endsWith("haproxy"));
    for (int port : new int[] {http, pg, instances, instances + 1}) {
      assertThat(listening(port)).as("port %d in use", port).isTrue();
    }

    script.destroy(); // SIGTERM
    assertThat(script.waitFor(120, TimeUnit.SECONDS))
        .as("the script ends within 120 s of SIGTERM; output: %s", tail(log))
        .isTrue();
    for (ProcessHandle p : started) {
      p.onExit().get(30, TimeUnit.SECONDS);
    }
    assertThat(started)
        .as("every process the script started has ended")
        .noneMatch(ProcessHandle::isAlive);
    for (int port : new int[] {http, pg, instances, instances + 1}) {
      assertThat(listening(port)).as("nothing listens on port %d any more", port).isFalse();
    }
    assertThat(state.resolve("pg/data/postmaster.pid")).as("PostgreSQL stopped").doesNotExist();
    assertThat(Files.readString(log)).contains("stopping PostgreSQL");
  }

  /** A port p such that p and p + 1 are free (the instances listen on consecutive ports). */
  private static int twoFreePorts() throws IOException {
    for (int i = 0; i < 50; i++) {
      int p = ServerProcess.freePort();
      if (p < 65535 && !listening(p + 1)) {
        return p;
      }
    }
    throw new IllegalStateException("no two consecutive free ports");
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String tail(Path log) throws IOException {
    String all = Files.readString(log);
    return all.length() > 3000 ? all.substring(all.length() - 3000) : all;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
