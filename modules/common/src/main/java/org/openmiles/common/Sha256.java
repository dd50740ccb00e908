package org.openmiles.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one hash OpenMiles uses to recognise a repeated request or file (fingerprints,
 * checksums, derived references and lock ids), in one place instead of a copy per module.
 */
public final class Sha256 {
  private Sha256() {}

  /** A fresh digest, for content read in pieces (a file's checksum). */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The hash of {@code text}'s UTF-8 bytes. */
  public static byte[] of(String text) {
    return newDigest().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The hash of {@code text}'s UTF-8 bytes, as 64 lower-case hexadecimal digits. */
  public static String hex(String text) {
    return HexFormat.of().formatHex(of(text));
  }

  /** A finished digest as 64 lower-case hexadecimal digits. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }
}
