package org.openmiles.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * One Payara Micro with the built WAR for every test class that talks to the server only from
 * outside (HTTP, the browser, files, the database): started once, by the first such class, with the
 * settings Arquillian's container has ({@code arquillian.xml}: heap, health, console throttle,
 * HTTPS, pre-boot commands), instead of once per class — each start costs about half a minute (ADR
 * 0046). Classes that run inside the server (Arquillian, {@code @Deployment} with test classes) or
 * start servers of their own ({@link ServerProcess}) run before these ({@link SharedServerLast});
 * should one run while the shared server is up, it is stopped first ({@link SharedServerGate}):
 * they bind the same HTTPS port and watch the same folders.
 *
 * <p>Its log is {@code target/shared-server.log}.
 */
public final class SharedServer implements BeforeAllCallback, TestInstancePostProcessor {

  /** A test class on the shared server. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @ExtendWith(SharedServer.class)
  public @interface OnSharedServer {}

  /**
   * The field that receives the application's base URL ({@code http://127.0.0.1:port/openmiles/}).
   */
  @Target(ElementType.FIELD)
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Url {}

  private static Process process;
  private static URL url;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void postProcessTestInstance(Object test, ExtensionContext context) throws Exception {
    for (Class<?> c = test.getClass(); c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.isAnnotationPresent(Url.class)) {
          f.setAccessible(true);
          f.set(test, url);
        }
      }
    }
  }

  /** Starts the server unless it runs; waits until it is ready. */
  static synchronized void start() throws Exception {
    if (process != null && process.isAlive()) {
      return;
    }
    ItTls.prepare();
    int port = ServerProcess.freePort();
    String root = System.getProperty("openmiles.root", "../..");
    Path log = Path.of("target", "shared-server.log").toAbsolutePath();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // as arquillian.xml's cmdOptions: the console's login throttle waits an hour after the free
    // failures, so that the tests see the refusal however slow the machine is
    cmd.addAll(
        List.of(
            "-Xmx768m",
            "-Dmp.health.default.readiness.empty.response=DOWN",
            "-Dopenmiles.console.throttle.base-seconds=3600",
            "-Dopenmiles.console.throttle.max-seconds=7200",
            "-Dopenmiles.console.throttle.forget-minutes=120",
            "-jar",
            System.getProperty("payara.microJar"),
            "--nocluster",
            "--port",
            Integer.toString(port),
            "--prebootcommandfile",
            root + "/config/pre-boot.asadmin",
            "--sslport",
            System.getProperty("openmiles.it.tls.port"),
            "--sslcert",
            System.getProperty("openmiles.it.tls.alias"),
            "--systemproperties",
            System.getProperty("openmiles.it.tls.properties"),
            "--contextroot",
            "openmiles",
            "--deploy",
            System.getProperty("openmiles.war", "target/openmiles.war")));
    Files.deleteIfExists(log);
    process =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(SharedServer::stop, "stop-shared-server"));
    ServerProcess.awaitReady(process, port, "the shared test server", log);
    url = URI.create("http://127.0.0.1:" + port + "/openmiles/").toURL();
  }

  /** Stops the server if it runs, and waits until its ports are free. */
  static synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy(); // SIGTERM: Payara Micro shuts down in order
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
    url = null;
  }
}
