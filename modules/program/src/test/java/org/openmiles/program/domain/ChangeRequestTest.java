package org.openmiles.program.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.ChangeState;
import org.openmiles.program.api.ChangeStep;

class ChangeRequestTest {
  private static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");

  /** 2026-12-07 18:00 UTC: already 2026-12-08 in Saigon. */
  private static final Clock EVENING_UTC =
      Clock.fixed(Instant.parse("2026-12-07T18:00:00Z"), ZoneOffset.UTC);

  private static final Map<String, String> RULE = Map.of("miles", "500", "perQuantity", "1");

  private static ChangeRequest proposed(LocalDate from, boolean correction) {
    return ChangeRequest.propose(
        7,
        new ChangeRequest.Proposal(
            "PARTNER_EARN_RULE", "DEMO_HOTEL/STAY_NIGHT", RULE, from, correction),
        "hotel partner's new contract",
        "manager.lan",
        EVENING_UTC,
        SAIGON);
  }

  private static String code(Throwable t) {
    return ((OpenMilesException) t).code();
  }

  @Test
  void aProposalApprovedByAnotherPersonIsAppliedAndEveryStepIsKept() {
    ChangeRequest c = proposed(LocalDate.of(2027, 1, 1), false);
    assertThat(c.state()).isEqualTo(ChangeState.PROPOSED);
    c.approve("approver.minh", "checked against the contract", EVENING_UTC, SAIGON);
    c.applied("partner_earn_rule DEMO_HOTEL STAY_NIGHT 2027-01-01", "approver.minh", EVENING_UTC);
    assertThat(c.state()).isEqualTo(ChangeState.APPLIED);
    assertThat(c.state().ended()).isTrue();
    assertThat(c.appliedVersion()).isEqualTo("partner_earn_rule DEMO_HOTEL STAY_NIGHT 2027-01-01");
    assertThat(c.history())
        .extracting(ChangeStep::state, ChangeStep::by)
        .containsExactly(
            tuple(ChangeState.PROPOSED, "manager.lan"),
            tuple(ChangeState.APPROVED, "approver.minh"),
            tuple(ChangeState.APPLIED, "approver.minh"));
    assertThat(c.history().get(0).reason()).isEqualTo("hotel partner's new contract");
  }

  @Test
  void nobodyApprovesOrRejectsTheirOwnProposal() {
    ChangeRequest c = proposed(LocalDate.of(2027, 1, 1), false);
    assertThatThrownBy(() -> c.approve("manager.lan", null, EVENING_UTC, SAIGON))
        .satisfies(t -> assertThat(code(t)).isEqualTo("SELF_APPROVAL_REFUSED"));
    assertThatThrownBy(() -> c.reject("manager.lan", "changed my mind", EVENING_UTC))
        .satisfies(t -> assertThat(code(t)).isEqualTo("SELF_APPROVAL_REFUSED"));
    assertThat(c.state()).isEqualTo(ChangeState.PROPOSED);
    assertThat(c.history()).hasSize(1);
  }

  @Test
  void aDecidedChangeIsNotDecidedAgain() {
    ChangeRequest c = proposed(LocalDate.of(2027, 1, 1), false);
    c.reject("approver.minh", "the contract is not signed yet", EVENING_UTC);
    assertThatThrownBy(() -> c.approve("approver.hoa", null, EVENING_UTC, SAIGON))
        .satisfies(t -> assertThat(code(t)).isEqualTo("CHANGE_NOT_PENDING"));
    assertThatThrownBy(() -> c.withdraw("manager.lan", null, EVENING_UTC))
        .satisfies(t -> assertThat(code(t)).isEqualTo("CHANGE_NOT_PENDING"));
    assertThatThrownBy(() -> c.applied("v", "approver.minh", EVENING_UTC))
        .satisfies(t -> assertThat(code(t)).isEqualTo("CHANGE_NOT_PENDING"));
    assertThat(c.state()).isEqualTo(ChangeState.REJECTED);
  }

  @Test
  void aRejectionSaysWhy() {
    ChangeRequest c = proposed(LocalDate.of(2027, 1, 1), false);
    assertThatThrownBy(() -> c.reject("approver.minh", " ", EVENING_UTC))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            t -> assertThat(((ValidationException) t).fieldErrors()).containsOnlyKeys("reason"));
    assertThat(c.state()).isEqualTo(ChangeState.PROPOSED);
  }

  @Test
  void onlyTheProposerWithdraws() {
    ChangeRequest c = proposed(LocalDate.of(2027, 1, 1), false);
    assertThatThrownBy(() -> c.withdraw("approver.minh", null, EVENING_UTC))
        .satisfies(t -> assertThat(code(t)).isEqualTo("NOT_PROPOSER"));
    c.withdraw("manager.lan", "wrong partner", EVENING_UTC);
    assertThat(c.state()).isEqualTo(ChangeState.WITHDRAWN);
  }

  @Test
  void theDateIsTheAirlinesDateAndThePastTakesACorrection() {
    // 18:00 UTC on the 7th is the 8th in Saigon: the 8th is today, the 7th is the past
    assertThat(proposed(LocalDate.of(2026, 12, 8), false).state()).isEqualTo(ChangeState.PROPOSED);
    assertThatThrownBy(() -> proposed(LocalDate.of(2026, 12, 7), false))
        .satisfies(t -> assertThat(code(t)).isEqualTo("EFFECTIVE_DATE_PASSED"))
        .hasMessageContaining("2026-12-08");
    ChangeRequest correction = proposed(LocalDate.of(2026, 11, 1), true);
    correction.approve("approver.minh", "the November rate was mistyped", EVENING_UTC, SAIGON);
    assertThat(correction.state()).isEqualTo(ChangeState.APPROVED);
  }

  @Test
  void aProposalWhoseDatePassedBeforeItWasApprovedIsNotApproved() {
    ChangeRequest c = proposed(LocalDate.of(2026, 12, 9), false);
    Clock twoDaysLater = Clock.offset(EVENING_UTC, Duration.ofDays(2));
    assertThatThrownBy(() -> c.approve("approver.minh", null, twoDaysLater, SAIGON))
        .satisfies(t -> assertThat(code(t)).isEqualTo("EFFECTIVE_DATE_PASSED"));
    assertThat(c.state()).isEqualTo(ChangeState.PROPOSED);
  }

  @Test
  void everyBrokenFieldIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                ChangeRequest.propose(
                    1,
                    new ChangeRequest.Proposal(" ", null, Map.of(), null, false),
                    "x".repeat(501),
                    "m",
                    EVENING_UTC,
                    SAIGON))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            t ->
                assertThat(((ValidationException) t).fieldErrors())
                    .containsOnlyKeys("kind", "key", "proposal", "effectiveFrom", "reason"));
  }
}
