package org.openmiles.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmiles.accounts.api.MemberStatus.ACTIVE;
import static org.openmiles.accounts.api.MemberStatus.CLOSED;
import static org.openmiles.accounts.api.MemberStatus.SUSPENDED;

import org.junit.jupiter.api.Test;

/**
 * The pure decisions of member 360's forms: what counts as a change, which statuses are offered.
 */
class MemberFormsTest {

  @Test
  void aFieldIsChangedOnlyWhenItDiffersFromTheSavedValue() {
    assertThat(MemberProfileForm.changed("Ann", "Ann")).isNull();
    assertThat(MemberProfileForm.changed(null, "Ann")).isNull();
    assertThat(MemberProfileForm.changed("Anne", "Ann")).isEqualTo("Anne");
    assertThat(MemberProfileForm.changed("Anne", null)).isEqualTo("Anne");
  }

  @Test
  void aMaskedContactLeftAsShownIsNoChange() {
    assertThat(MemberProfileForm.changedContact("a***@x.vn", "ann@x.vn", true)).isNull();
    assertThat(MemberProfileForm.changedContact("bob@x.vn", "ann@x.vn", true))
        .isEqualTo("bob@x.vn");
    // shown in full, a star is what was typed
    assertThat(MemberProfileForm.changedContact("a***@x.vn", "ann@x.vn", false))
        .isEqualTo("a***@x.vn");
    assertThat(MemberProfileForm.changedContact("ann@x.vn", "ann@x.vn", false)).isNull();
  }

  @Test
  void statusTargetsNeverOfferTheCurrentStatusAndClosingOnlyToSupervisors() {
    assertThat(MemberStatusForm.targets(ACTIVE, false)).containsExactly(SUSPENDED);
    assertThat(MemberStatusForm.targets(ACTIVE, true)).containsExactly(SUSPENDED, CLOSED);
    assertThat(MemberStatusForm.targets(SUSPENDED, false)).containsExactly(ACTIVE);
    assertThat(MemberStatusForm.targets(CLOSED, true)).containsExactly(ACTIVE, SUSPENDED);
    assertThat(MemberStatusForm.targets(CLOSED, false)).containsExactly(ACTIVE, SUSPENDED);
  }

  @Test
  void eachStatusSaysWhatItMeansForTheMember() {
    assertThat(MemberStatusForm.whatItMeans(ACTIVE))
        .isEqualTo("They can earn and spend miles again.");
    assertThat(MemberStatusForm.whatItMeans(SUSPENDED))
        .isEqualTo("They keep earning but cannot spend or hold miles until reactivated.");
    assertThat(MemberStatusForm.whatItMeans(CLOSED))
        .isEqualTo("The account earns and spends nothing more.");
  }
}
