package org.openmiles.accrual.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.ActivityAmount;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.ActivityResult.Outcome;
import org.openmiles.accrual.api.EarnBasis;
import org.openmiles.accrual.api.PartnerActivity;
import org.openmiles.accrual.domain.ActivityFacts;
import org.openmiles.accrual.domain.ActivityStatus;
import org.openmiles.accrual.domain.FileLine;
import org.openmiles.accrual.domain.OriginalActivity;
import org.openmiles.accrual.domain.StoredReversal;

/** What a reversal line answers against the record it names, before anything is posted. */
class PartnerReversalsTest {
  static final MemberNumber M = MemberNumber.fromSequence(100_000_001L);
  static final LocalDate DAY = LocalDate.parse("2026-11-10");

  static PartnerActivity reversal(long line, String qty, String currency, EarnBasis basis) {
    return new PartnerActivity(
        "DEMO_BANK",
        "TX-1",
        M,
        DAY,
        new ActivityAmount(basis, new BigDecimal(qty), currency),
        "refund",
        line,
        "Nguyen",
        true);
  }

  static PartnerActivity reversal(long line) {
    return reversal(line, "1000000", "VND", EarnBasis.SPEND);
  }

  /** As stored: numeric(18,2) quantity, char(3) currency. */
  static OriginalActivity original(
      String status, long file, long line, long revFile, long revLine) {
    return new OriginalActivity(
        "TX-1",
        new ActivityFacts(M.value(), DAY, "SPEND", new BigDecimal("1000000.00"), "VND"),
        50,
        ActivityStatus.valueOf(status),
        new FileLine(file, line),
        new StoredReversal(new FileLine(revFile, revLine), status.equals("REVERSED") ? 50 : 0));
  }

  @Test
  void aCreditedOrParkedRecordThatTheReversalRepeatsIsTakenBack() {
    assertThat(PartnerReversals.againstOriginal(9, reversal(4), original("CREDITED", 3, 2, 0, 0)))
        .isNull();
    assertThat(PartnerReversals.againstOriginal(9, reversal(4), original("PARKED", 3, 2, 0, 0)))
        .isNull();
  }

  @Test
  void unknownAlreadyReversedSameFileAndMismatchedReversalsGetTheirOwnAnswers() {
    ActivityResult unknown = PartnerReversals.againstOriginal(9, reversal(4), null);
    assertThat(unknown.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(unknown.code()).isEqualTo("ORIGINAL_NOT_FOUND");

    ActivityResult again =
        PartnerReversals.againstOriginal(9, reversal(4), original("REVERSED", 3, 2, 5, 7));
    assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(again.reason()).contains("already reversed (file 5, line 7)");
    assertThat(
            PartnerReversals.againstOriginal(9, reversal(4), original("CANCELLED", 3, 2, 5, 7))
                .outcome())
        .isEqualTo(Outcome.DUPLICATE);

    ActivityResult resumed =
        PartnerReversals.againstOriginal(9, reversal(4), original("REVERSED", 3, 2, 9, 4));
    assertThat(resumed.outcome())
        .as("its own line, after an interruption")
        .isEqualTo(Outcome.REVERSED);
    assertThat(resumed.miles()).isEqualTo(50);

    ActivityResult sameFile =
        PartnerReversals.againstOriginal(9, reversal(4), original("CREDITED", 9, 2, 0, 0));
    assertThat(sameFile.code()).isEqualTo("DUPLICATE_IN_FILE");

    ActivityResult partial =
        PartnerReversals.againstOriginal(
            9, reversal(4, "500000", "VND", EarnBasis.SPEND), original("CREDITED", 3, 2, 0, 0));
    assertThat(partial.code()).isEqualTo("REVERSAL_MISMATCH");
    assertThat(partial.reason()).contains("quantity 500000 is not the record's 1000000");
    assertThat(
            PartnerReversals.mismatch(
                reversal(4, "1000000", "USD", EarnBasis.SPEND), original("CREDITED", 3, 2, 0, 0)))
        .contains("currency USD");
    assertThat(
            PartnerReversals.mismatch(
                reversal(4, "1000000.0", "VND", EarnBasis.SPEND), original("CREDITED", 3, 2, 0, 0)))
        .as("quantities compare as numbers")
        .isNull();
  }
}
