package org.openmiles.accrual.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accounts.api.RejectedPosting;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.Fare;
import org.openmiles.accrual.api.Flight;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.domain.CouponEarnings;
import org.openmiles.accrual.domain.FileLine;
import org.openmiles.accrual.domain.StoredCoupon;
import org.openmiles.accrual.domain.StoredReversal;

/** How a flown-coupon line is answered when its coupon is stored already, and the other answers. */
class FlownCouponAnswersTest {
  private static final long FILE = 7;
  private static final long LINE = 12;

  /**
   * Each row: the coupon's status in this file, where the stored coupon came from (this line, this
   * line's reversal, or elsewhere), its state; the answer (NULL: a reversal to post).
   */
  @ParameterizedTest(name = "{0} against {2} stored from {1}: {3} {4} {5}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        // an interrupted run of this file: this line's reversal is done, answered as it was
        "R, THIS_REVERSAL, REVERSED, REVERSED, 1500, NULL",
        "F, THIS_REVERSAL, REVERSED, REVERSED, 1500, NULL",
        // an interrupted run of this file: this line's credit is done
        "F, THIS_LINE, CREDITED, CREDITED, 1100, NULL",
        "L, THIS_LINE, CREDITED, CREDITED, 1100, NULL",
        "F, THIS_LINE, PARKED, PARKED, 0, MEMBER_NOT_ENROLLED",
        "F, THIS_LINE, UNCLAIMED, PARKED, 0, MEMBER_NOT_ENROLLED",
        "F, THIS_LINE, REVERSED, DUPLICATE, 0, DUPLICATE",
        // a coupon that earns, sent again by another line or file
        "F, ELSEWHERE, CREDITED, DUPLICATE, 0, DUPLICATE",
        "F, ELSEWHERE, PARKED, DUPLICATE, 0, DUPLICATE",
        "F, ELSEWHERE, UNCLAIMED, DUPLICATE, 0, DUPLICATE",
        "L, ELSEWHERE, CREDITED, DUPLICATE, 0, DUPLICATE",
        // ... after it was taken back: it can never earn again
        "F, ELSEWHERE, REVERSED, REJECTED, 0, COUPON_REVERSED",
        "L, ELSEWHERE, REVERSED, REJECTED, 0, COUPON_REVERSED",
        // a refund, void or exchange of a credited coupon: post the reversal
        "R, ELSEWHERE, CREDITED, NULL, 0, NULL",
        "V, ELSEWHERE, CREDITED, NULL, 0, NULL",
        "E, ELSEWHERE, CREDITED, NULL, 0, NULL",
        "R, THIS_LINE, CREDITED, NULL, 0, NULL",
        // ... of a coupon taken back already
        "R, ELSEWHERE, REVERSED, DUPLICATE, 0, DUPLICATE",
        // ... of one never credited: nothing to take back
        "V, ELSEWHERE, PARKED, REVERSED, 0, NULL",
        "E, ELSEWHERE, UNCLAIMED, REVERSED, 0, NULL",
      })
  void aCouponStoredAlreadyIsAnsweredByWhereItCameFromAndItsState(
      char status, String origin, String state, String outcome, long miles, String code) {
    StoredCoupon stored =
        switch (origin) {
          case "THIS_LINE" -> stored(state, FILE, LINE, 0, 0);
          case "THIS_REVERSAL" -> stored(state, 3, 4, FILE, LINE);
          default -> stored(state, 3, 4, 0, 0);
        };
    ActivityResult r = FlownCouponAnswers.againstStored(FILE, coupon(status, "ANH"), stored);
    if (outcome == null) {
      assertThat(r).as("a reversal to post").isNull();
      return;
    }
    assertThat(r.lineNumber()).isEqualTo(LINE);
    assertThat(r.outcome()).isEqualTo(ActivityResult.Outcome.valueOf(outcome));
    assertThat(r.miles()).isEqualTo(miles);
    assertThat(r.code()).isEqualTo(code);
    if ("CREDITED".equals(outcome)) {
      assertThat(r.bonusMiles()).as("the promotion miles stored").isEqualTo(250);
    }
    if ("DUPLICATE".equals(outcome)) {
      assertThat(r.reason())
          .isEqualTo(
              "coupon 7382100000001/2 already received in file "
                  + stored.received().fileId()
                  + " ("
                  + state
                  + ")");
    }
  }

  @Test
  void aNameThatIsNotTheMembersIsParkedForAClaimAndSoIsACouponWithoutANumber() {
    FlownCoupon c = coupon('F', "BINH");
    assertThat(FlownCouponAnswers.unclaimed(c, "NAME_MISMATCH"))
        .extracting(ActivityResult::outcome, ActivityResult::code, ActivityResult::reason)
        .containsExactly(
            ActivityResult.Outcome.PARKED,
            "NAME_MISMATCH",
            "passenger name BINH is not the name of member "
                + c.member()
                + "; kept for a missing-miles claim or an agent");
    assertThat(FlownCouponAnswers.unclaimed(c, "NO_MEMBER_NUMBER").code())
        .isEqualTo("NO_MEMBER_NUMBER");
  }

  @ParameterizedTest(name = "the ledger refused a reversal with {0}: {1}")
  @CsvSource({
    "INSUFFICIENT_MILES, REVERSAL_EXCEEDS_AVAILABLE",
    "MEMBER_NOT_ACTIVE, MEMBER_NOT_ACTIVE",
  })
  void aReversalTheLedgerRefusedIsLeftToAnAgent(String ledgerCode, String answered) {
    FlownCoupon c = coupon('R', "ANH");
    StoredCoupon s = stored("CREDITED", 3, 4, 0, 0);
    PostMiles p =
        new PostMiles(
            MemberNumber.fromSequence(100_000_001L),
            EntryType.REVERSAL,
            -1350,
            SourceReference.of("F:x:R"),
            LocalDate.of(2026, 11, 2),
            "");
    ActivityResult r =
        FlownCouponAnswers.reversalRefused(c, s, new RejectedPosting(0, p, ledgerCode, "too few"));
    assertThat(r.outcome()).isEqualTo(ActivityResult.Outcome.REJECTED);
    assertThat(r.code()).isEqualTo(answered);
    assertThat(r.reason())
        .isEqualTo(
            "cannot take back 1350 miles from member "
                + s.member()
                + ": too few; an agent must settle it");
  }

  @Test
  void aCouponsPostingsFollowOneConvention() {
    FlownCoupon c = coupon('F', "ANH");
    assertThat(CouponPostings.flight(c)).isEqualTo("VN220 HAN-SGN Y");
    assertThat(
            CouponPostings.tierBonus(new CouponPostings.Flown(c), 300, "GOLD", "VN220")
                .source()
                .value())
        .isEqualTo("F:7382100000001:2:TB");
    PostMiles back =
        CouponPostings.reversal(
            new CouponPostings.Flown(c),
            1350,
            "refunded",
            org.openmiles.accounts.api.Qualifying.of(1000, BigDecimal.ONE, BigDecimal.TEN));
    assertThat(back.miles()).isEqualTo(-1350);
    assertThat(back.source().value()).isEqualTo("F:7382100000001:2:R");
    assertThat(back.qualifying().miles()).isEqualTo(-1000);
  }

  private static FlownCoupon coupon(char status, String lastName) {
    return new FlownCoupon(
        "7382100000001",
        2,
        status,
        MemberNumber.fromSequence(100_000_001L),
        lastName,
        "",
        new Flight("VN", "VN", "220", LocalDate.of(2026, 11, 2), "HAN", "SGN"),
        new Fare("Y", "", new BigDecimal("120.00"), "USD"),
        LINE);
  }

  private static StoredCoupon stored(
      String state, long fileId, long lineNo, long reversedFileId, long reversedLineNo) {
    return new StoredCoupon(
        "7382100000001",
        2,
        MemberNumber.fromSequence(100_000_001L).value(),
        LocalDate.of(2026, 11, 2),
        org.openmiles.accrual.domain.CouponState.valueOf(state),
        new FileLine(fileId, lineNo),
        new CouponEarnings(1000, 100, 250, Qualifying.of(1000, BigDecimal.ONE, BigDecimal.TEN)),
        new StoredReversal(new FileLine(reversedFileId, reversedLineNo), 1500));
  }
}
