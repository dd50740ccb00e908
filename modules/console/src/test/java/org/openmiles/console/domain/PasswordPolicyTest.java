package org.openmiles.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  private static java.util.List<String> check(String user, String password) {
    return PasswordPolicy.problems(user, password.toCharArray());
  }

  @Test
  void aLongMixedPasswordIsAccepted() {
    assertThat(check("lan.agent", "Rice-Paddy-Monsoon-42")).isEmpty();
    assertThat(check("lan.agent", "correct horse battery Staple")).isEmpty();
  }

  @Test
  void aShortPasswordIsRefused() {
    assertThat(check("lan.agent", "Ab1!xyz")).contains("at least 12 characters");
  }

  @Test
  void aPasswordOfOneOrTwoKindsOfCharacterIsRefused() {
    assertThat(check("lan.agent", "abcdefghijklmnop"))
        .contains("three of: lower case, upper case, digits, other characters");
    assertThat(check("lan.agent", "abcdefgh12345678"))
        .contains("three of: lower case, upper case, digits, other characters");
  }

  @Test
  void aPasswordContainingTheUserNameIsRefused() {
    assertThat(check("lan.agent", "My-LAN.AGENT-pass1")).contains("not the user name");
  }

  @Test
  void aCommonPasswordWithDigitsAddedIsRefused() {
    assertThat(check("lan.agent", "Password123456")).contains("not a common password");
    assertThat(check("lan.agent", "P@ssw0rd2026!!")).contains("not a common password");
  }

  @Test
  void anOverlongPasswordIsRefused() {
    assertThat(check("lan.agent", "Aa1-".repeat(40))).contains("at most 128 characters");
  }
}
