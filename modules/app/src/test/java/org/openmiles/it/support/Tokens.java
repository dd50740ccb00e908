package org.openmiles.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API tokens for the ITs, minted by the documented local stand-in for the identity provider ({@code
 * config/OpenMilesJwt.java}) with the development key of {@code ./openmiles test}. A token is
 * minted once per subject, roles and options for the run (an hour's lifetime).
 */
public final class Tokens {
  private static final Map<String, String> MINTED = new ConcurrentHashMap<>();

  private Tokens() {}

  /** A token for {@code subject} with these API roles (comma-separated groups). */
  public static String mint(String subject, String groups) {
    return MINTED.computeIfAbsent(subject + "|" + groups, k -> run(subject, groups));
  }

  /** A token minted with extra options of the tool (e.g. --ttl -300, --audience other). */
  public static String mint(String subject, String groups, String... options) {
    return run(subject, groups, options);
  }

  /** A token signed with another key than the server trusts (a forgery). */
  public static String forged(String subject, String groups) {
    try {
      Path dir = Files.createTempDirectory("openmiles-forger-");
      tool("keygen", dir.toString());
      return runWithKey(dir.resolve("private.pem").toString(), subject, groups);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned token ({@code alg: none}) claiming {@code subject} and {@code groups}. */
  public static String unsigned(String subject, String groups) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String valid = mint(subject, groups);
    String claims = valid.split("\\.")[1];
    return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + claims
        + ".";
  }

  private static String run(String subject, String groups, String... options) {
    String key = System.getenv("OPENMILES_JWT_PRIVATE_KEY");
    assertThat(key).as("OPENMILES_JWT_PRIVATE_KEY (set by ./openmiles test)").isNotNull();
    return runWithKey(key, subject, groups, options);
  }

  private static String runWithKey(String key, String subject, String groups, String... options) {
    List<String> args =
        new ArrayList<>(List.of("token", subject, "--key", key, "--groups", groups));
    args.addAll(List.of(options));
    return tool(args.toArray(String[]::new));
  }

  private static String tool(String... args) {
    Path tool = Path.of(System.getProperty("openmiles.root", "../.."), "config/OpenMilesJwt.java");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(tool.toString());
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(err).isZero();
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + tool, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
