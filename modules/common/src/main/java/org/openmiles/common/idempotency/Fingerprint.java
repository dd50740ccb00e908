package org.openmiles.common.idempotency;

import java.util.Objects;
import java.util.function.Supplier;
import org.openmiles.common.Sha256;

/**
 * What identifies a request under an Idempotency-Key: the SHA-256 (hex) of its canonical text (the
 * operation, its target and its parameters, normalised). A retry must have the same fingerprint.
 */
public record Fingerprint(String hex) {
  public Fingerprint {
    Objects.requireNonNull(hex, "hex");
  }

  /** The fingerprint of a request's canonical text. */
  public static Fingerprint of(String canonicalRequest) {
    return new Fingerprint(Sha256.hex(canonicalRequest));
  }

  /**
   * The answer found under a key for a request with this fingerprint: the earlier answer if the
   * stored fingerprint is this one, else a refusal.
   *
   * @param reuse what to tell the caller when the key was used for another request
   * @throws IdempotencyKeyReusedException if {@code storedFingerprint} is another request's
   */
  public <T> T replay(T earlier, String storedFingerprint, Supplier<String> reuse) {
    if (!hex.equals(storedFingerprint)) {
      throw new IdempotencyKeyReusedException(reuse.get());
    }
    return earlier;
  }

  @Override
  public String toString() {
    return hex;
  }
}
