package org.openmiles.accrual.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmiles.accrual.api.ClaimStatus;
import org.openmiles.accrual.domain.ClaimApproval.Outcome;

/**
 * The claim decisions as tables: one row per branch and boundary. The claimant is {@code M} (the
 * other member {@code O}), the claim is for flight 213 on 2026-11-20 unless a row says otherwise,
 * and an empty coupon state means the airline has sent no coupon.
 */
class ClaimDecisionTest {
  private static final String M = "1000000016";
  private static final String O = "1000000024";
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  /** A coupon of ticket 7381234567890, coupon 1, status letter R; members written M or O. */
  private static CouponEvidence coupon(
      String flight, LocalDate date, String state, String owner, String lastName) {
    return new CouponEvidence(
        "7381234567890",
        1,
        'R',
        member(owner),
        lastName,
        "VN",
        flight,
        date,
        state == null ? null : CouponState.valueOf(state));
  }

  private static String member(String letter) {
    return letter == null ? null : letter.equals("M") ? M : O;
  }

  @ParameterizedTest(name = "[{index}] {11}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # claim | coupon | coupon date | state  | owner | coupon name | member name | taken by | status | code | posts | case
          213   |      |            |           |   |        |        |   | PENDING        | NO_FLOWN_DATA                   | false | no coupon yet: waits for a file
          213   | 214  | 2026-11-20 | UNCLAIMED |   | NGUYEN | Nguyen |   | PENDING_REVIEW | FLIGHT_MISMATCH                 | false | another flight number
          213   | 2130 | 2026-11-20 | UNCLAIMED |   | NGUYEN | Nguyen |   | PENDING_REVIEW | FLIGHT_MISMATCH                 | false | a trailing zero counts
          213   | 213  | 2026-11-21 | UNCLAIMED |   | NGUYEN | Nguyen |   | PENDING_REVIEW | FLIGHT_MISMATCH                 | false | a day later
          213   | 213  | 2026-11-19 | UNCLAIMED |   | NGUYEN | Nguyen |   | PENDING_REVIEW | FLIGHT_MISMATCH                 | false | a day earlier
          213   | 214  | 2026-11-20 | REVERSED  |   | NGUYEN | Nguyen |   | PENDING_REVIEW | FLIGHT_MISMATCH                 | false | the flight is checked before the state
          213   | 214  | 2026-11-20 | CREDITED  | M | NGUYEN | Nguyen | M | PENDING_REVIEW | FLIGHT_MISMATCH                 | false | the flight is checked before a credit
          213   | 0213 | 2026-11-20 | UNCLAIMED |   | NGUYEN | Nguyen |   | CREDITED       | MATCHED                         | true  | leading zeros on the coupon are ignored
          00213 | 213  | 2026-11-20 | UNCLAIMED |   | NGUYEN | Nguyen |   | CREDITED       | MATCHED                         | true  | leading zeros on the claim are ignored
          " 213 "| 213 | 2026-11-20 | UNCLAIMED |   | NGUYEN | Nguyen |   | CREDITED       | MATCHED                         | true  | spaces around the number are ignored
          0     | 000  | 2026-11-20 | UNCLAIMED |   | NGUYEN | Nguyen |   | CREDITED       | MATCHED                         | true  | all zeros keep one zero
          0     | 10   | 2026-11-20 | UNCLAIMED |   | NGUYEN | Nguyen |   | PENDING_REVIEW | FLIGHT_MISMATCH                 | false | an inner zero counts
          213   | 213  | 2026-11-20 | REVERSED  |   | NGUYEN | Nguyen |   | REJECTED       | COUPON_REVERSED                 | false | refunded, voided or exchanged
          213   | 213  | 2026-11-20 | REVERSED  | M | NGUYEN | Nguyen |   | REJECTED       | COUPON_REVERSED                 | false | reversed after a credit to the claimant
          213   | 213  | 2026-11-20 | CREDITED  | M | NGUYEN | Nguyen |   | CREDITED       | MATCHED_BY_FILE                 | false | a file credited the claimant
          213   | 213  | 2026-11-20 | CREDITED  | O | NGUYEN | Nguyen |   | PENDING_REVIEW | COUPON_CREDITED_TO_OTHER_MEMBER | false | a file credited another member
          213   | 213  | 2026-11-20 | PARKED    | O | NGUYEN | Nguyen |   | PENDING_REVIEW | COUPON_PARKED_FOR_OTHER_MEMBER  | false | parked for a number not enrolled
          213   | 213  | 2026-11-20 | PARKED    | M | NGUYEN | Nguyen |   | PENDING_REVIEW | COUPON_PARKED_FOR_OTHER_MEMBER  | false | parked: never credited without an agent
          213   | 213  | 2026-11-20 | UNCLAIMED |   | NGUYEN | Nguyen |   | CREDITED       | MATCHED                         | true  | unclaimed, same name
          213   | 213  | 2026-11-20 | UNCLAIMED |   | NGUYEN | Nguyễn |   | CREDITED       | MATCHED                         | true  | diacritics are ignored
          213   | 213  | 2026-11-20 | UNCLAIMED |   | LEVAN  | Lê Văn |   | CREDITED       | MATCHED                         | true  | spaces in the name are ignored
          213   | 213  | 2026-11-20 | UNCLAIMED |   | LE     | Lê Văn |   | PENDING_REVIEW | NAME_MISMATCH                   | false | part of the name is not the name
          213   | 213  | 2026-11-20 | UNCLAIMED |   | TRAN   | Nguyen |   | PENDING_REVIEW | NAME_MISMATCH                   | false | another name
          213   | 213  | 2026-11-20 | UNCLAIMED |   | ""     | ""     |   | PENDING_REVIEW | NAME_MISMATCH                   | false | empty names never match
          213   | 213  | 2026-11-20 | UNCLAIMED |   |        | Nguyen |   | PENDING_REVIEW | NAME_MISMATCH                   | false | no name on the coupon
          213   | 213  | 2026-11-20 | UNCLAIMED |   | NGUYEN | Nguyen | M | CREDITED       | MATCHED_BY_FILE                 | false | the claimant's earlier claim took it in this run
          213   | 213  | 2026-11-20 | UNCLAIMED |   | NGUYEN | Nguyen | O | PENDING_REVIEW | COUPON_CREDITED_TO_OTHER_MEMBER | false | another claimant took it in this run
          213   | 213  | 2026-11-20 | REVERSED  |   | NGUYEN | Nguyen | O | PENDING_REVIEW | COUPON_CREDITED_TO_OTHER_MEMBER | false | taken in this run counts whatever the state
          213   | 213  | 2026-11-20 | CREDITED  | O | NGUYEN | Nguyen | M | CREDITED       | MATCHED_BY_FILE                 | false | taken in this run wins over the stored owner
          """)
  void aMatchDecidesByFlightStateOwnerAndName(
      String claimFlight,
      String couponFlight,
      LocalDate couponDate,
      String state,
      String owner,
      String couponName,
      String memberName,
      String takenBy,
      ClaimStatus status,
      String code,
      boolean posts,
      String why) {
    CouponEvidence c =
        state == null ? null : coupon(couponFlight, couponDate, state, owner, couponName);
    ClaimDecision d = ClaimDecision.match(M, claimFlight, DAY, c, memberName, member(takenBy));
    assertThat(d.status()).as(why).isEqualTo(status);
    assertThat(d.reasonCode()).as(why).isEqualTo(code);
    assertThat(d.postsCredit()).as(why).isEqualTo(posts);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # code                          | coupon flight | state     | owner | coupon name | taken by | text
          NO_FLOWN_DATA                   |     |           |   |        |   | no flown data for this coupon yet: matched when the airline sends it
          FLIGHT_MISMATCH                 | 214 | UNCLAIMED |   | NGUYEN |   | coupon 7381234567890/1 is flight VN214 on 2026-11-20, not the flight claimed
          COUPON_REVERSED                 | 213 | REVERSED  |   | NGUYEN |   | coupon 7381234567890/1 was refunded, voided or exchanged (status R): it cannot earn
          MATCHED_BY_FILE                 | 213 | CREDITED  | M | NGUYEN |   | the airline's file credited coupon 7381234567890/1 to the member
          COUPON_CREDITED_TO_OTHER_MEMBER | 213 | CREDITED  | O | NGUYEN |   | coupon 7381234567890/1 is credited to another member
          COUPON_PARKED_FOR_OTHER_MEMBER  | 213 | PARKED    | O | NGUYEN |   | coupon 7381234567890/1 carries another member number, not enrolled
          NAME_MISMATCH                   | 213 | UNCLAIMED |   | TRAN   |   | the passenger's last name on coupon 7381234567890/1 is not the member's: an agent checks the claim
          MATCHED                         | 213 | UNCLAIMED |   | NGUYEN |   | coupon 7381234567890/1 credited to the member
          """)
  void eachMatchSaysWhyInWords(
      String code,
      String couponFlight,
      String state,
      String owner,
      String couponName,
      String takenBy,
      String text) {
    CouponEvidence c = state == null ? null : coupon(couponFlight, DAY, state, owner, couponName);
    ClaimDecision d = ClaimDecision.match(M, "213", DAY, c, "Nguyen", member(takenBy));
    assertThat(d.reasonCode()).isEqualTo(code);
    assertThat(d.reasonText()).isEqualTo(text);
  }

  @ParameterizedTest(name = "[{index}] {6}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # coupon flight | coupon date | state | owner | outcome | code | case
          214  | 2026-11-20 | UNCLAIMED |   | REFUSED        | FLIGHT_MISMATCH                 | another flight number
          213  | 2026-11-21 | CREDITED  | M | REFUSED        | FLIGHT_MISMATCH                 | the flight is checked before a credit
          213  | 2026-11-20 | REVERSED  |   | REFUSED        | COUPON_REVERSED                 | refunded, voided or exchanged
          213  | 2026-11-20 | REVERSED  | M | REFUSED        | COUPON_REVERSED                 | reversed after a credit to the claimant
          213  | 2026-11-20 | CREDITED  | O | REFUSED        | COUPON_CREDITED_TO_OTHER_MEMBER | a file credited another member
          213  | 2026-11-20 | CREDITED  | M | FOUND_CREDITED | MATCHED_BY_FILE                 | a file credited the claimant
          213  | 2026-11-20 | UNCLAIMED |   | CREDIT         | APPROVED                        | unclaimed: whatever the name
          213  | 2026-11-20 | PARKED    | O | CREDIT         | APPROVED                        | parked for a number the agent found wrong
          0213 | 2026-11-20 | UNCLAIMED |   | CREDIT         | APPROVED                        | leading zeros are ignored
          """)
  void anApprovalCreditsTheCouponUnlessItCannotEarnForTheClaimant(
      String couponFlight,
      LocalDate couponDate,
      String state,
      String owner,
      Outcome outcome,
      String code,
      String why) {
    ClaimApproval a =
        ClaimApproval.of(M, "213", DAY, coupon(couponFlight, couponDate, state, owner, "TRAN"));
    assertThat(a.outcome()).as(why).isEqualTo(outcome);
    assertThat(a.code()).as(why).isEqualTo(code);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # code                          | coupon flight | state | owner | text
          FLIGHT_MISMATCH                 | 214 | UNCLAIMED |   | coupon 7381234567890/1 is flight VN214 on 2026-11-20: reject this claim; the member can file one with the right coupon
          COUPON_REVERSED                 | 213 | REVERSED  |   | coupon 7381234567890/1 was refunded, voided or exchanged: it cannot earn
          COUPON_CREDITED_TO_OTHER_MEMBER | 213 | CREDITED  | O | coupon 7381234567890/1 is credited to member 1000000024: reject this claim, or correct the other member's credit first
          MATCHED_BY_FILE                 | 213 | CREDITED  | M | credited by an agent
          APPROVED                        | 213 | UNCLAIMED |   | credited by an agent
          """)
  void eachApprovalSaysWhatToDoInWords(
      String code, String couponFlight, String state, String owner, String text) {
    ClaimApproval a =
        ClaimApproval.of(M, "213", DAY, coupon(couponFlight, DAY, state, owner, "NGUYEN"));
    assertThat(a.code()).isEqualTo(code);
    assertThat(a.text()).isEqualTo(text);
  }
}
