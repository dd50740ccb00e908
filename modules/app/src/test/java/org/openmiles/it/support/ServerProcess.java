package org.openmiles.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An OpenMiles instance of its own: Payara Micro with the built WAR, started as a process on a free
 * loopback port with the test database, for tests that kill, restart or run several instances
 * (which Arquillian's one server cannot). The environment is the test run's (database, token keys)
 * plus what {@code settings} changes; its log is a temporary file.
 */
public final class ServerProcess implements AutoCloseable {
  public final String name;
  public final int port;
  public final Path log;
  private final Process process;

  private ServerProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** Starts instance {@code name}; does not wait for it (see {@link #awaitReady()}). */
  public static ServerProcess launch(String name, Consumer<Map<String, String>> settings)
      throws IOException {
    int port = freePort();
    String jar = System.getProperty("payara.microJar");
    String war = System.getProperty("openmiles.war", "target/openmiles.war");
    Path log = Files.createTempFile("payara-" + name + "-", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-Dmp.health.default.readiness.empty.response=DOWN",
            "-jar",
            jar,
            "--nocluster",
            "--name",
            name,
            "--port",
            String.valueOf(port),
            "--contextroot",
            "/",
            "--prebootcommandfile",
            System.getProperty("openmiles.root", "../..") + "/config/pre-boot.asadmin",
            // the shipped log format (JSON lines with node and correlation id, ADR 0035)
            "--logProperties",
            System.getProperty("openmiles.root", "../..") + "/config/logging.properties",
            "--deploy",
            war);
    Map<String, String> env = pb.environment();
    env.put("OPENMILES_NODE_NAME", name);
    String db = env.get("OPENMILES_DB_URL");
    if (db != null) { // the instance's connections carry its name, as ./openmiles run does
      env.put(
          "OPENMILES_DB_URL",
          db + (db.contains("?") ? "&" : "?") + "ApplicationName=openmiles-" + name);
    }
    env.put("OPENMILES_DEMO_MEMBERS", "0");
    settings.accept(env);
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new ServerProcess(name, port, log, pb.start());
  }

  /** Waits until the instance answers ready with its routes started; its base URL. */
  public URL awaitReady() throws Exception {
    awaitReady(process, port, name, log);
    return url();
  }

  /**
   * Waits (at most three minutes) until the server {@code process} on {@code port} answers ready
   * with its routes started; fails naming {@code name} and its {@code log} if it stops or never
   * does.
   */
  static void awaitReady(Process process, int port, String name, Path log) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int i = 0; i < 360; i++) {
      assertThat(process.isAlive()).as(name + " stopped during start; see " + log).isTrue();
      try {
        var r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("routes")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(name + " did not become ready; see " + log);
  }

  public URL url() throws IOException {
    return URI.create("http://127.0.0.1:" + port + "/").toURL();
  }

  /** The process id, as the instance's file worker names its host ({@code host/pid}). */
  public long pid() {
    return process.pid();
  }

  /** Whether the process ended by itself within {@code seconds}. */
  public boolean exited(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  public int exitValue() {
    return process.exitValue();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL, as a crash: no shutdown hook, no clean-up. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  public String logText() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
