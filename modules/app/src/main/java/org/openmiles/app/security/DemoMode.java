package org.openmiles.app.security;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Demo keys and demo users only in an explicit demo mode ({@code openmiles.demo=true}, which {@code
 * ./openmiles run} and {@code test} set): outside it the server refuses to start (the process exits
 * with {@link #EXIT_REFUSED}) with demo members, demo console users, or a signing key of the local
 * stand-in identity provider (key id {@code openmiles-dev-*}, or a key under {@code
 * .openmiles/jwt/}). Checked before the migrations run.
 */
public final class DemoMode {
  /** The key id prefix of keys that {@code ./openmiles jwt keygen} makes. */
  public static final String DEV_KID_PREFIX = "openmiles-dev-";

  /** The process's exit status when it refuses to start: 78, {@code EX_CONFIG} of sysexits.h. */
  public static final int EXIT_REFUSED = 78;

  private DemoMode() {}

  /**
   * Stops the start-up when demo material is configured outside demo mode.
   *
   * @throws IllegalStateException naming every refusal and what to do about it
   */
  public static void check(Config config) {
    List<String> refusals =
        refusals(
            config.getOptionalValue("openmiles.demo", Boolean.class).orElse(false),
            config.getOptionalValue("openmiles.demo.members", Integer.class).orElse(0),
            config.getOptionalValue("openmiles.console.demo-users", Boolean.class).orElse(false),
            config.getOptionalValue("mp.jwt.verify.publickey.location", String.class),
            config.getOptionalValue("mp.jwt.verify.publickey", String.class));
    if (!refusals.isEmpty()) {
      throw new IllegalStateException(
          "OpenMiles will not start with demo material outside demo mode: "
              + String.join("; ", refusals)
              + ". Remove it, or set OPENMILES_DEMO=true for a demonstration (docs/security.md).");
    }
  }

  /** Why a start-up with these settings is refused; empty when it may go on. */
  static List<String> refusals(
      boolean demo,
      int demoMembers,
      boolean demoUsers,
      Optional<String> keyLocation,
      Optional<String> inlineKey) {
    List<String> out = new ArrayList<>();
    if (demo) {
      return out;
    }
    if (demoMembers > 0) {
      out.add("openmiles.demo.members is " + demoMembers);
    }
    if (demoUsers) {
      out.add("openmiles.console.demo-users is true (demo console users with known passwords)");
    }
    if (inlineKey.filter(DemoMode::isDevKey).isPresent()) {
      out.add("mp.jwt.verify.publickey is a development key of ./openmiles jwt");
    }
    keyLocation
        .filter(
            l ->
                l.contains("/.openmiles/jwt/")
                    || localFile(l).filter(DemoMode::isDevKey).isPresent())
        .ifPresent(
            l ->
                out.add(
                    "mp.jwt.verify.publickey.location "
                        + l
                        + " is a development key of ./openmiles jwt"));
    return out;
  }

  private static boolean isDevKey(String keyText) {
    return keyText.replace(" ", "").contains("\"kid\":\"" + DEV_KID_PREFIX);
  }

  private static Optional<String> localFile(String location) {
    try {
      Path p = location.startsWith("file:") ? Path.of(URI.create(location)) : null;
      return p != null && Files.isRegularFile(p)
          ? Optional.of(Files.readString(p, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
