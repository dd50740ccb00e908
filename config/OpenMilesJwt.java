// OpenMiles development tool: the local stand-in for the operator's identity provider. It makes a
// key pair and signs tokens with it. JDK only, run as a single source file (Java 17+):
//
//   java config/OpenMilesJwt.java keygen <dir>
//        writes <dir>/private.pem, <dir>/public.pem and <dir>/jwks.json (the key set the server
//        trusts, key id "openmiles-dev-<hash>": the server accepts such a key only in demo mode)
//   java config/OpenMilesJwt.java token <subject> --key <private.pem>
//        [--issuer https://openmiles.dev/booking-engines] [--audience openmiles-api]
//        [--groups booking-engine] [--ttl 3600]
//
// The token is an RS256 JWT (MicroProfile JWT) with the key id in its header: iss, aud, sub = the
// client, partner code or user, upn, groups (API roles), iat, exp, jti. A negative --ttl makes an
// expired token (for tests). The server verifies it with jwks.json (mp.jwt.verify.publickey.location),
// the issuer and the audience. `./openmiles jwt keygen|token` wraps this; see docs/security.md.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

public class OpenMilesJwt {
  static final String DEFAULT_ISSUER = "https://openmiles.dev/booking-engines";
  static final String DEFAULT_AUDIENCE = "openmiles-api";
  /** Key ids of keys this tool made start so: the server trusts them only in demo mode. */
  static final String DEV_KID_PREFIX = "openmiles-dev-";

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
              opts.getOrDefault("audience", DEFAULT_AUDIENCE),
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
            + " [--audience <aud>] [--groups g1,g2] [--ttl seconds]");
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
    Files.writeString(dir.resolve("jwks.json"), jwks((RSAPublicKey) pair.getPublic()));
    System.err.println(
        "wrote " + priv + ", " + dir.resolve("public.pem") + " and " + dir.resolve("jwks.json"));
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

  /** The key set with the one public key, as an identity provider's JWKS endpoint serves it. */
  static String jwks(RSAPublicKey key) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":"
        + json(kid(key))
        + ",\"n\":"
        + json(b64.encodeToString(unsigned(key.getModulus())))
        + ",\"e\":"
        + json(b64.encodeToString(unsigned(key.getPublicExponent())))
        + "}]}\n";
  }

  /** The key id: the dev prefix and the first bytes of the SHA-256 of the encoded public key. */
  static String kid(RSAPublicKey key) throws Exception {
    byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
    StringBuilder b = new StringBuilder(DEV_KID_PREFIX);
    for (int i = 0; i < 8; i++) {
      b.append(String.format("%02x", h[i]));
    }
    return b.toString();
  }

  static byte[] unsigned(BigInteger n) {
    byte[] bytes = n.toByteArray();
    return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  static String token(
      String client, Path privateKey, String issuer, String audience, String groups, long ttl)
      throws Exception {
    String base64 =
        Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
    RSAPublicKey pub =
        (RSAPublicKey)
            rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    long now = Instant.now().getEpochSecond();
    StringBuilder groupsJson = new StringBuilder("[");
    for (String g : groups.split(",")) {
      if (!g.isBlank()) {
        groupsJson.append(groupsJson.length() > 1 ? "," : "").append(json(g.strip()));
      }
    }
    groupsJson.append(']');
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + json(kid(pub)) + "}";
    String claims =
        "{\"iss\":"
            + json(issuer)
            + ",\"aud\":"
            + json(audience)
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
