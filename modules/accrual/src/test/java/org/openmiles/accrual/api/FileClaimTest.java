package org.openmiles.accrual.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.ValidationException;

class FileClaimTest {
  static final MemberNumber M = new MemberNumber("1000000016");
  static final LocalDate D = LocalDate.of(2026, 11, 20);

  @Test
  void codesAreNormalised() {
    FileClaim c = new FileClaim(M, " 7381234567890 ", 1, "vn", "0213", D, "han", "sgn", "j");
    assertThat(c.ticketNumber()).isEqualTo("7381234567890");
    assertThat(c.carrier()).isEqualTo("VN");
    assertThat(c.flightNumber()).isEqualTo("213");
    assertThat(c.origin()).isEqualTo("HAN");
    assertThat(c.destination()).isEqualTo("SGN");
    assertThat(c.bookingClass()).isEqualTo("J");
    assertThat(
            new FileClaim(M, "7381234567890", null, "VN", "7", D, "HAN", "SGN", "Y").couponNumber())
        .isNull();
  }

  @Test
  void aTicketNumberIsThirteenDigits() {
    for (String bad : new String[] {"738123456789", "73812345678901", "738123456789X", ""}) {
      assertThatThrownBy(() -> new FileClaim(M, bad, 1, "VN", "213", D, "HAN", "SGN", "J"))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.fieldErrors())
                      .containsOnlyKeys("ticketNumber")
                      .hasEntrySatisfying(
                          "ticketNumber", r -> assertThat(r).startsWith("INVALID_TICKET_NUMBER")));
    }
  }

  @Test
  void everyBrokenFieldIsReportedAtOnce() {
    assertThatThrownBy(() -> new FileClaim(null, null, 5, "V", "21333", null, "HA", "HA", "JJ"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsOnlyKeys(
                        "memberNumber",
                        "ticketNumber",
                        "couponNumber",
                        "carrier",
                        "flightNumber",
                        "flightDate",
                        "origin",
                        "destination",
                        "bookingClass"));
    assertThatThrownBy(
            () -> new FileClaim(M, "7381234567890", 1, "VN", "213", D, "HAN", "HAN", "J"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("destination"));
  }

  @Test
  void reviewsNeedAnAgentAndARejectionAReason() {
    assertThatThrownBy(() -> new ApproveClaim(" ", null, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("agent"));
    assertThatThrownBy(() -> new ApproveClaim("a.tran", null, 5))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("couponNumber"));
    assertThat(new ApproveClaim(" a.tran ", "  ", 2))
        .isEqualTo(new ApproveClaim("a.tran", null, 2));
    assertThatThrownBy(() -> new RejectClaim("a.tran", ""))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));
  }
}
