package org.openmiles.retention.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.common.ErrorKind;

class RunInProgressExceptionTest {

  @Test
  void eachKindHasItsCodeAndNamesTheRunningRun() {
    RunInProgressException scoring = new ScoringRunInProgressException(41);
    assertThat(scoring.code()).isEqualTo("SCORING_RUN_IN_PROGRESS");
    assertThat(scoring.kind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(scoring.getMessage()).isEqualTo("scoring run 41 is running; one run at a time");
    assertThat(scoring.details()).isEqualTo(Map.of("runningRun", 41L));

    RunInProgressException campaign = new CampaignRunInProgressException(6);
    assertThat(campaign.code()).isEqualTo("CAMPAIGN_RUN_IN_PROGRESS");
    assertThat(campaign.kind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(campaign.getMessage()).isEqualTo("campaign run 6 is running; one run at a time");
    assertThat(campaign.details()).isEqualTo(Map.of("runningRun", 6L));
  }
}
