// OpenMiles development tool: a key pair for booking-engine tokens, and tokens signed with it.
// JDK only, run as a single source file (Java 17+):
//
//   java config/OpenMilesJwt.java keygen <dir>                  writes <dir>/private.pem and <dir>/public.pem
//   java config/OpenMilesJwt.java token <client> --key <private.pem>
//        [--issuer https://openmiles.dev/booking-engines] [--groups booking-engine] [--ttl 3600]
//
// The token is an RS256 JWT (MicroProfile JWT): iss, sub = the client id, upn, groups, iat, exp, jti.
// The server verifies it with public.pem (mp.jwt.verify.publickey.location) and the issuer
// (mp.jwt.verify.issuer). `./openmiles jwt keygen|token` wraps this; see docs/cash-and-miles.md.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

public class OpenMilesJwt {
  static final String DEFAULT_ISSUER = "https://openmiles.dev/booking-engines";

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("keygen")) {
      keygen(Path.of(args[1]));
    } else if (args.length >= 2 && args[0].equals("token")) {
      Map<String, String> opts = options(args, 2);
      if (!opts.containsKey("key")) {
        usage();
      }
      System.out.println(
          token(
              args[1],
              Path.of(opts.get("key")),
              opts.getOrDefault("issuer", DEFAULT_ISSUER),
              opts.getOrDefault("groups", "booking-engine"),
              Long.parseLong(opts.getOrDefault("ttl", "3600"))));
    } else {
      usage();
    }
  }

  static void usage() {
    System.err.println(
        "usage: java OpenMilesJwt.java keygen <dir>\n"
            + "       java OpenMilesJwt.java token <client> --key <private.pem> [--issuer <iss>]"
            + " [--groups g1,g2] [--ttl seconds]");
    System.exit(2);
  }

  static Map<String, String> options(String[] args, int from) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = from; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        usage();
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }

  static void keygen(Path dir) throws Exception {
    Files.createDirectories(dir);
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    var pair = g.generateKeyPair();
    Path priv = dir.resolve("private.pem");
    Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    try {
      Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      System.err.println("note: cannot restrict the permissions of " + priv + " on this file system");
    }
    Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    System.err.println("wrote " + priv + " and " + dir.resolve("public.pem"));
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  static String token(String client, Path privateKey, String issuer, String groups, long ttl)
      throws Exception {
    String base64 =
        Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    PrivateKey key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    long now = Instant.now().getEpochSecond();
    StringBuilder groupsJson = new StringBuilder("[");
    for (String g : groups.split(",")) {
      if (!g.isBlank()) {
        groupsJson.append(groupsJson.length() > 1 ? "," : "").append(json(g.strip()));
      }
    }
    groupsJson.append(']');
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    String claims =
        "{\"iss\":"
            + json(issuer)
            + ",\"sub\":"
            + json(client)
            + ",\"upn\":"
            + json(client)
            + ",\"groups\":"
            + groupsJson
            + ",\"iat\":"
            + now
            + ",\"exp\":"
            + (now + ttl)
            + ",\"jti\":"
            + json(UUID.randomUUID().toString())
            + "}";
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key);
    s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64.encodeToString(s.sign());
  }

  static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
