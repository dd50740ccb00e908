package org.openmiles.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The project's edge ({@code config/edge/haproxy.cfg}, Debian's HAProxy) started in front of the
 * test server, as {@code ./openmiles run} starts it in front of the instances: on a free port, the
 * test server as its only instance. Closing it stops HAProxy.
 */
public final class Edge implements AutoCloseable {
  private final Process haproxy;
  private final Path log;
  public final int port;

  private Edge(Process haproxy, Path log, int port) {
    this.haproxy = haproxy;
    this.log = log;
    this.port = port;
  }

  /**
   * HAProxy in front of {@code server}, with {@code requestTimeout} (HAProxy's syntax, for example
   * {@code 2s}) for a client to send its headers; waits until the edge sees the server ready.
   */
  public static Edge inFrontOf(URL server, String requestTimeout)
      throws IOException, InterruptedException {
    // over the loopback, as ./openmiles run does: the address the test server trusts as a proxy
    return inFrontOf(List.of(server), requestTimeout);
  }

  /** HAProxy in front of up to four {@code servers} (app1, app2 ...), as a cluster. */
  public static Edge inFrontOf(List<URL> servers, String requestTimeout)
      throws IOException, InterruptedException {
    Edge edge =
        start(servers.stream().map(s -> "127.0.0.1:" + s.getPort()).toList(), requestTimeout);
    edge.awaitReady();
    return edge;
  }

  /** HAProxy in front of an address where no instance listens: every request finds none ready. */
  public static Edge inFrontOfNothing() throws IOException {
    int closed = freePort();
    // a connection refused is answered as no instance ready, before or after the health check
    // marks the instance down
    return start(List.of("127.0.0.1:" + closed), "10s");
  }

  private static Edge start(List<String> instances, String requestTimeout) throws IOException {
    Path config = repositoryFile("config/edge/haproxy.cfg");
    int port = freePort();
    Path state = Files.createDirectories(Path.of("target", "it-edge", String.valueOf(port)));
    state = state.toAbsolutePath();
    Path log = state.resolve("haproxy-" + port + ".log");
    ProcessBuilder pb =
        new ProcessBuilder("haproxy", "-db", "-f", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("OPENMILES_EDGE_"));
    env.put("OPENMILES_EDGE_BIND", "127.0.0.1:" + port);
    for (int i = 0; i < instances.size(); i++) {
      env.put("OPENMILES_EDGE_APP" + (i + 1), instances.get(i));
    }
    env.put("OPENMILES_EDGE_REQUEST_TIMEOUT", requestTimeout);
    env.put("OPENMILES_EDGE_SERVER_TIMEOUT", "120s");
    env.put("OPENMILES_EDGE_STATE", state.toString());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "haproxy not found: the edge tests need Debian's haproxy (./openmiles test installs it"
              + " as root; otherwise: sudo apt-get install haproxy)",
          e);
    }
    Edge edge = new Edge(p, log, port);
    edge.awaitListening();
    return edge;
  }

  /** Waits until HAProxy accepts connections on its port. */
  private void awaitListening() throws IOException {
    Instant until = Instant.now().plus(Duration.ofSeconds(15));
    while (Instant.now().isBefore(until)) {
      if (!haproxy.isAlive()) {
        throw new IllegalStateException("haproxy stopped: " + Files.readString(log));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException(
        "haproxy does not listen on " + port + ": " + Files.readString(log));
  }

  /** Waits until a request through the edge reaches a ready instance (its health check passed). */
  private void awaitReady() throws IOException, InterruptedException {
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(until)) {
      if (!haproxy.isAlive()) {
        throw new IllegalStateException("haproxy stopped: " + Files.readString(log));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(5_000);
        s.getOutputStream()
            .write(
                "GET /health/ready HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n".getBytes());
        String answer = new String(s.getInputStream().readAllBytes());
        if (answer.startsWith("HTTP/1.1 200")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "the edge saw no ready instance in 30 s: " + Files.readString(log));
  }

  /** The edge's log so far (HAProxy's request log). */
  public String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    haproxy.destroy();
    haproxy.waitFor();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A file of the repository, found from the module's folder (where the ITs run) upwards. */
  public static Path repositoryFile(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
