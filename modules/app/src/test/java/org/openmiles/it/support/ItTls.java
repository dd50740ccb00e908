package org.openmiles.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test server's HTTPS listener, set up before Arquillian starts it (a global extension,
 * registered in {@code META-INF/services} and switched on in {@code junit-platform.properties}, so
 * it runs before the first test class's ArquillianExtension): a free port, and a throwaway
 * self-signed certificate for {@code localhost} made with the JDK's keytool, handed to Payara Micro
 * the documented way (a system properties file with {@code javax.net.ssl.keyStore*}, {@code
 * --sslport}, {@code --sslcert}; {@code arquillian.xml}). Does nothing outside the ITs (no {@code
 * payara.microJar}).
 */
public final class ItTls implements BeforeAllCallback {
  /** The key's alias in the key store: the {@code --sslcert} of the test server. */
  public static final String ALIAS = "openmiles-it";

  private static Path keystore;
  private static String password;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    prepare();
  }

  public static synchronized void prepare() throws IOException, InterruptedException {
    if (keystore != null || System.getProperty("payara.microJar") == null) {
      return;
    }
    Path dir = Files.createDirectories(Path.of("target", "it-tls")).toAbsolutePath();
    Path store = dir.resolve("keystore.p12");
    Files.deleteIfExists(store);
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String pass = HexFormat.of().formatHex(random);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                List.of(
                    keytool.toString(),
                    "-genkeypair",
                    "-alias",
                    ALIAS,
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-validity",
                    "2",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    store.toString(),
                    "-storepass",
                    pass))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + out);
    }
    Path props = dir.resolve("system.properties");
    Files.deleteIfExists(props);
    Files.createFile(
        props, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        props,
        "javax.net.ssl.keyStore="
            + store
            + "\njavax.net.ssl.keyStorePassword="
            + pass
            + "\njavax.net.ssl.keyStoreType=PKCS12\n");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    // the campaign webhook goes to a receiver CampaignsIT starts on this port (docs/retention.md)
    int webhook;
    try (ServerSocket s = new ServerSocket(0)) {
      webhook = s.getLocalPort();
    }
    Files.writeString(
        props,
        "openmiles.retention.campaigns.webhook-url=http://127.0.0.1:"
            + webhook
            + "/campaigns\nopenmiles.retention.campaigns.webhook-backoff-ms=200\n",
        java.nio.file.StandardOpenOption.APPEND);
    System.setProperty("openmiles.it.tls.port", Integer.toString(port));
    System.setProperty("openmiles.it.tls.properties", props.toString());
    System.setProperty("openmiles.it.tls.alias", ALIAS);
    keystore = store;
    password = pass;
  }

  /** The test server's HTTPS address ({@code https://localhost:<port>}). */
  public static String base() {
    String port = System.getProperty("openmiles.it.tls.port");
    if (port == null) {
      throw new IllegalStateException("no HTTPS listener: ItTls did not run before Arquillian");
    }
    return "https://localhost:" + port;
  }

  /** A client that trusts the test server's certificate, and nothing else. */
  public static HttpClient client() {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(in, password.toCharArray());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      return HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .sslContext(tls)
          .build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust the test server's certificate", e);
    }
  }
}
