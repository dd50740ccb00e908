package org.openmiles.retention.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmiles.common.ValidationException;
import org.openmiles.common.idempotency.IdempotencyStore.Answer;
import org.openmiles.retention.api.CampaignRunInProgressException;
import org.openmiles.retention.api.ScoringRunInProgressException;

class RunStartsTest {

  @Test
  void anAcceptedAnswerAndItsReplayNameTheRunItCarries() {
    Answer started = new Answer(202, "{\"asOf\":\"2026-12-05\",\"id\":42,\"state\":\"RUNNING\"}");
    assertThat(RunStarts.location("/api/v1/retention/runs", started))
        .contains("/api/v1/retention/runs/42");
    assertThat(
            RunStarts.location(
                "/api/v1/retention/campaigns/runs", new Answer(202, "{\"id\":7,\"selected\":0}")))
        .contains("/api/v1/retention/campaigns/runs/7");
  }

  @Test
  void aRefusalHasNoLocation() {
    String problem = "{\"code\":\"VALIDATION_FAILED\",\"status\":400}";
    assertThat(RunStarts.location("/api/v1/retention/runs", new Answer(400, problem))).isEmpty();
    assertThat(RunStarts.location("/api/v1/retention/runs", new Answer(422, problem))).isEmpty();
  }

  @Test
  void aRunInProgressIsNotKeptUnderTheKeyOtherRefusalsAre() {
    ScoringRunInProgressException scoring = new ScoringRunInProgressException(41);
    CampaignRunInProgressException campaign = new CampaignRunInProgressException(6);
    assertThat(RunStarts.keptUnderKey(scoring)).isFalse();
    assertThat(RunStarts.keptUnderKey(campaign)).isFalse();
    assertThatThrownBy(() -> RunStarts.kept(scoring, "v1/retention/runs")).isSameAs(scoring);
    assertThatThrownBy(() -> RunStarts.kept(campaign, "v1/retention/campaigns/runs"))
        .isSameAs(campaign);
    assertThat(RunStarts.keptUnderKey(ValidationException.of("asOf", "must not be after today")))
        .isTrue();
  }

  @Test
  void aRepeatMatchesOnlyTheSameAsOfAsSent() {
    LocalDate day = LocalDate.of(2026, 12, 5);
    assertThat(RetentionResource.startRequest(day))
        .isEqualTo(RetentionResource.startRequest(LocalDate.parse("2026-12-05")))
        .isNotEqualTo(RetentionResource.startRequest(day.plusDays(1)))
        .isNotEqualTo(RetentionResource.startRequest(null))
        .isNotEqualTo(CampaignResource.START_REQUEST);
    assertThat(RetentionResource.startRequest(null))
        .isEqualTo(RetentionResource.startRequest(null))
        .isNotEqualTo(CampaignResource.START_REQUEST);
  }
}
