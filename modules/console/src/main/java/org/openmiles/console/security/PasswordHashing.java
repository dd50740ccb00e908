package org.openmiles.console.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.openmiles.console.domain.PasswordHashes;

/**
 * PBKDF2 with HMAC-SHA-512, 210,000 iterations and a 32-byte salt for new hashes (the OWASP
 * recommendation for PBKDF2-SHA512); a stored hash carries its own parameters, so raising them
 * later leaves old hashes valid.
 */
@ApplicationScoped
public class PasswordHashing implements PasswordHashes {
  @Inject Pbkdf2PasswordHash pbkdf2;

  private String dummyHash;

  @PostConstruct
  void init() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    dummyHash = pbkdf2.generate("not-a-password".toCharArray());
  }

  @Override
  public String hash(char[] password) {
    return pbkdf2.generate(password);
  }

  @Override
  public boolean verify(char[] password, String hash) {
    return pbkdf2.verify(password, hash);
  }

  /** Spends the time of one verification, for a user name that does not exist. */
  void burn(char[] password) {
    pbkdf2.verify(password, dummyHash);
  }
}
