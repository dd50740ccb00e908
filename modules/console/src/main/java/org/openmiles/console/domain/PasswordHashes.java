package org.openmiles.console.domain;

/** One-way hashes of console passwords; a stored hash carries its own parameters. */
public interface PasswordHashes {

  String hash(char[] password);

  boolean verify(char[] password, String hash);
}
