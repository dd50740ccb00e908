package org.openmiles.accrual.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.FileClaim;

class ClaimArithmeticTest {

  @Test
  void theTierBonusIsRoundedHalfUp() {
    assertThat(ClaimCredits.percentOf(793, 50)).isEqualTo(397); // 396.5
    assertThat(ClaimCredits.percentOf(793, 25)).isEqualTo(198); // 198.25
    assertThat(ClaimCredits.percentOf(1442, 100)).isEqualTo(1442);
    assertThat(ClaimCredits.percentOf(793, 0)).isZero();
  }

  @Test
  void theIdempotencyHashCoversTheMemberAndTheFlight() {
    MemberNumber m = new MemberNumber("1000000016");
    LocalDate d = LocalDate.of(2026, 11, 20);
    FileClaim a = new FileClaim(m, "7381234567890", 1, "VN", "213", d, "HAN", "SGN", "J");
    String h = ClaimFiling.requestHash(a);
    assertThat(h).hasSize(64);
    assertThat(
            ClaimFiling.requestHash(
                new FileClaim(m, "7381234567890", 1, "vn", "0213", d, "han", "sgn", "j")))
        .isEqualTo(h);
    assertThat(
            ClaimFiling.requestHash(
                new FileClaim(m, "7381234567890", 2, "VN", "213", d, "HAN", "SGN", "J")))
        .isNotEqualTo(h);
    assertThat(
            ClaimFiling.requestHash(
                new FileClaim(m, "7381234567890", 1, "VN", "213", d, "HAN", "SGN", "Y")))
        .isNotEqualTo(h);
  }
}
