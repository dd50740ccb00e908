package org.openmiles.console.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a console password must be (NIST SP 800-63B leans on length and on refusing known-bad
 * passwords rather than on composition alone; a call center still asks for some mix): at least 12
 * characters and at most 128, at least three of lower case, upper case, digits and other
 * characters, not containing the user name, not one of the passwords every attacker tries first.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private static final Set<String> COMMON =
      Set.of(
          "password",
          "passw0rd",
          "p@ssw0rd",
          "qwerty",
          "letmein",
          "welcome",
          "admin",
          "changeme",
          "123456",
          "iloveyou",
          "openmiles",
          "lotusmiles",
          "vietnam",
          "airline",
          "console");

  private PasswordPolicy() {}

  /** The rules {@code password} breaks for {@code username}; empty when it is acceptable. */
  public static List<String> problems(String username, char[] password) {
    List<String> problems = new ArrayList<>();
    String p = password == null ? "" : new String(password);
    if (p.length() < MIN_LENGTH) {
      problems.add("at least " + MIN_LENGTH + " characters");
    }
    if (p.length() > MAX_LENGTH) {
      problems.add("at most " + MAX_LENGTH + " characters");
    }
    int classes = 0;
    classes += p.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    classes += p.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    classes += p.chars().anyMatch(Character::isDigit) ? 1 : 0;
    classes += p.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    if (classes < 3) {
      problems.add("three of: lower case, upper case, digits, other characters");
    }
    String lower = p.toLowerCase(Locale.ROOT);
    if (username != null
        && username.strip().length() >= 3
        && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
      problems.add("not the user name");
    }
    String letters = lower.replaceAll("[^a-z0-9@]", "").replaceAll("\\d+$", "");
    if (COMMON.stream().anyMatch(c -> letters.equals(c) || lower.startsWith(c + c))) {
      problems.add("not a common password");
    }
    return problems;
  }
}
