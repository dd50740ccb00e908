package org.openmiles.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmiles.console.api.Actor;
import org.openmiles.console.domain.ConsoleUserRepository;
import org.openmiles.console.domain.StoredUser;

/**
 * Console users from {@code console.console_user}: the password is checked against its PBKDF2 hash
 * ({@link Pbkdf2PasswordHash}), the caller's groups are their roles with included roles expanded.
 * An unknown user costs the same hash computation as a known one, so timing does not tell which
 * user names exist. Bearer tokens of the REST API are not this store's business (it answers
 * NOT_VALIDATED for them).
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {
  @Inject ConsoleUserRepository users;
  @Inject PasswordHashing hashing;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    String username = credential.getCaller() == null ? "" : credential.getCaller().strip();
    var user = users.find(username);
    if (user.isEmpty()) {
      hashing.burn(credential.getPassword().getValue());
      return CredentialValidationResult.INVALID_RESULT;
    }
    var u = user.get();
    boolean matches = hashing.verify(credential.getPassword().getValue(), u.passwordHash());
    if (!matches || !u.active()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(u.username(), groupsOf(u));
  }

  /** The user's roles with included roles expanded, as group names. */
  static Set<String> groupsOf(StoredUser u) {
    return new Actor(u.username(), u.roles())
        .roles().stream().map(Enum::name).collect(Collectors.toSet());
  }
}
