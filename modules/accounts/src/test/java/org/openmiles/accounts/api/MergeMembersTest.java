package org.openmiles.accounts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MergeMembersTest {
  static final MemberNumber A = MemberNumber.fromSequence(100_000_001L);
  static final MemberNumber B = MemberNumber.fromSequence(100_000_002L);

  @Test
  void twoDifferentMembersAReasonAndWhoDecided() {
    MergeMembers m = new MergeMembers(A, B, "  enrolled twice  ", "supervisor");
    assertThat(m.reason()).isEqualTo("enrolled twice");
    assertThatThrownBy(() -> new MergeMembers(A, A, "enrolled twice", "supervisor"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("itself");
    assertThatThrownBy(() -> new MergeMembers(A, B, "dup", "supervisor"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> new MergeMembers(A, B, "enrolled twice", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MergeMembers(null, B, "enrolled twice", "s"))
        .isInstanceOf(NullPointerException.class);
  }
}
