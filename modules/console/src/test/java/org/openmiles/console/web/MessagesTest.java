package org.openmiles.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;
import org.openmiles.console.api.SelfApprovalException;

class MessagesTest {

  private static OpenMilesException refusal(String code, ErrorKind kind, String message) {
    return new OpenMilesException(code, kind, message) {
      private static final long serialVersionUID = 1L;
    };
  }

  @Test
  void aRefusalOfAnotherModuleSaysWhatToDoNext() {
    assertThat(
            Messages.withNextStep(
                refusal(
                    "INSUFFICIENT_MILES",
                    ErrorKind.BUSINESS_RULE,
                    "member 1000000018 has 1000 miles available, needs 5000")))
        .isEqualTo(
            "member 1000000018 has 1000 miles available, needs 5000. Tell the member how many"
                + " miles are missing; price something cheaper, or wait for more miles.");
  }

  @ParameterizedTest
  @EnumSource(ErrorKind.class)
  void everyKindOfRefusalWithoutItsOwnStepGetsOne(ErrorKind kind) {
    assertThat(Messages.nextStep(refusal("SOMETHING_NEW", kind, "refused"))).isNotBlank();
  }

  @Test
  void theConsolesOwnRefusalsNameTheirStepAlready() {
    SelfApprovalException own = new SelfApprovalException(7);
    assertThat(Messages.nextStep(own)).isEmpty();
    assertThat(Messages.withNextStep(own)).isEqualTo(own.getMessage());
  }

  @Test
  void aMessageEndingInAFullStopIsNotGivenASecond() {
    assertThat(Messages.thenStep("No such award.", "Reload the page."))
        .isEqualTo("No such award. Reload the page.");
    assertThat(Messages.thenStep("no such award", "Reload the page."))
        .isEqualTo("no such award. Reload the page.");
    assertThat(Messages.thenStep("", "Reload the page.")).isEqualTo("Reload the page.");
  }
}
