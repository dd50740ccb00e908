package org.openmiles.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdminSafeguardTest {
  @Test
  void anAdminMayNotDisableOrDemoteThemself() {
    assertThat(AdminSafeguard.refusal("admin", "admin", List.of("admin", "boss"), "disable"))
        .hasValueSatisfying(r -> assertThat(r).contains("cannot disable yourself"));
    assertThat(AdminSafeguard.refusal("admin", "admin", List.of("admin", "boss"), "demote"))
        .hasValueSatisfying(r -> assertThat(r).contains("cannot demote yourself"));
  }

  @Test
  void theLastActiveAdminIsKept() {
    // e.g. the acting admin was disabled a moment ago by another admin, in another transaction
    assertThat(AdminSafeguard.refusal("ghost", "boss", List.of("boss"), "disable"))
        .hasValueSatisfying(r -> assertThat(r).contains("boss is the last active admin"));
  }

  @Test
  void anotherAdminMayBeDisabledWhileOneStays() {
    assertThat(AdminSafeguard.refusal("admin", "boss", List.of("admin", "boss"), "disable"))
        .isEmpty();
  }

  @Test
  void aUserWhoIsNotAnActiveAdminIsNoConcern() {
    assertThat(AdminSafeguard.refusal("admin", "lan", List.of("admin"), "demote")).isEmpty();
  }
}
