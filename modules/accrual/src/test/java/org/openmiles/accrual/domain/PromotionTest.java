package org.openmiles.accrual.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.domain.Promotion.AppliesTo;
import org.openmiles.accrual.domain.Promotion.Kind;

class PromotionTest {
  static final MemberNumber M = MemberNumber.fromSequence(100_000_001L);
  static final LocalDate FROM = LocalDate.of(2026, 6, 1);
  static final LocalDate TO = LocalDate.of(2026, 7, 1);

  /** An open promotion of {@code appliesTo} with no scope: builder-style copies narrow it. */
  record P(
      AppliesTo appliesTo,
      String partner,
      String carrier,
      String origin,
      String destination,
      boolean both,
      String classes,
      String region) {
    static P any() {
      return new P(AppliesTo.ANY, null, null, null, null, true, null, null);
    }

    P appliesTo(AppliesTo a) {
      return new P(a, partner, carrier, origin, destination, both, classes, region);
    }

    P partner(String p) {
      return new P(appliesTo, p, carrier, origin, destination, both, classes, region);
    }

    P carrier(String c) {
      return new P(appliesTo, partner, c, origin, destination, both, classes, region);
    }

    P route(String o, String d, boolean b) {
      return new P(appliesTo, partner, carrier, o, d, b, classes, region);
    }

    P classes(String c) {
      return new P(appliesTo, partner, carrier, origin, destination, both, c, region);
    }

    P region(String r) {
      return new P(appliesTo, partner, carrier, origin, destination, both, classes, r);
    }

    Promotion build() {
      return new Promotion(
          1,
          "TEST",
          "Test",
          Kind.FIXED_BONUS,
          null,
          100L,
          appliesTo,
          partner,
          carrier,
          origin,
          destination,
          both,
          classes,
          region,
          FROM,
          TO,
          null);
    }
  }

  static PromotionTarget flight(String carrier, String from, String to, String cls, String region) {
    return PromotionTarget.flight(
        "F:7381234567890:1", M, FROM.plusDays(3), carrier, from, to, cls, region, 1_000);
  }

  static PromotionTarget hanSgn() {
    return flight("VN", "HAN", "SGN", "J", "DOMESTIC");
  }

  static PromotionTarget stay(String partner, LocalDate day) {
    return PromotionTarget.partner("P:" + partner + ":TX1", M, day, partner, 1_500);
  }

  static Promotion multiplier(String m) {
    return new Promotion(
        2,
        "DOUBLE",
        "Double",
        Kind.MULTIPLIER,
        new BigDecimal(m),
        null,
        AppliesTo.ANY,
        null,
        null,
        null,
        null,
        true,
        null,
        null,
        FROM,
        null,
        null);
  }

  // --- activity window

  @Test
  void theWindowIncludesItsFirstDayAndExcludesEffectiveTo() {
    Promotion p = P.any().build();
    assertThat(p.appliesTo(stay("DEMO_HOTEL", FROM.minusDays(1)))).isFalse();
    assertThat(p.appliesTo(stay("DEMO_HOTEL", FROM))).isTrue();
    assertThat(p.appliesTo(stay("DEMO_HOTEL", TO.minusDays(1)))).isTrue();
    assertThat(p.appliesTo(stay("DEMO_HOTEL", TO))).isFalse();
  }

  @Test
  void anOpenEndedPromotionAppliesForeverAfterItsStart() {
    Promotion p = multiplier("2.00");
    assertThat(p.appliesTo(stay("DEMO_HOTEL", LocalDate.of(2099, 12, 31)))).isTrue();
    assertThat(p.appliesTo(stay("DEMO_HOTEL", FROM.minusDays(1)))).isFalse();
  }

  // --- applies_to

  @Test
  void appliesToFlightPartnerOrAny() {
    PromotionTarget stay = stay("DEMO_HOTEL", FROM);
    assertThat(P.any().appliesTo(AppliesTo.FLIGHT).build().appliesTo(hanSgn())).isTrue();
    assertThat(P.any().appliesTo(AppliesTo.FLIGHT).build().appliesTo(stay)).isFalse();
    assertThat(P.any().appliesTo(AppliesTo.PARTNER).build().appliesTo(stay)).isTrue();
    assertThat(P.any().appliesTo(AppliesTo.PARTNER).build().appliesTo(hanSgn())).isFalse();
    assertThat(P.any().build().appliesTo(stay)).isTrue();
    assertThat(P.any().build().appliesTo(hanSgn())).isTrue();
  }

  // --- each scope column

  @Test
  void partnerScope() {
    Promotion p = P.any().appliesTo(AppliesTo.PARTNER).partner("DEMO_HOTEL").build();
    assertThat(p.appliesTo(stay("DEMO_HOTEL", FROM))).isTrue();
    assertThat(p.appliesTo(stay("DEMO_CAR", FROM))).isFalse();
    // ANY with a partner: a flight has no partner, so it does not match
    assertThat(P.any().partner("DEMO_HOTEL").build().appliesTo(hanSgn())).isFalse();
  }

  @Test
  void carrierScope() {
    Promotion p = P.any().carrier("VN").build();
    assertThat(p.appliesTo(hanSgn())).isTrue();
    assertThat(p.appliesTo(flight("QH", "HAN", "SGN", "J", "DOMESTIC"))).isFalse();
    assertThat(p.appliesTo(stay("DEMO_HOTEL", FROM))).as("a stay has no carrier").isFalse();
  }

  @Test
  void routeInOneDirectionOnly() {
    Promotion p = P.any().route("HAN", "SGN", false).build();
    assertThat(p.appliesTo(hanSgn())).isTrue();
    assertThat(p.appliesTo(flight("VN", "SGN", "HAN", "J", "DOMESTIC"))).isFalse();
    assertThat(p.appliesTo(flight("VN", "HAN", "DAD", "J", "DOMESTIC"))).isFalse();
    assertThat(p.appliesTo(flight("VN", "DAD", "SGN", "J", "DOMESTIC"))).isFalse();
  }

  @Test
  void routeInBothDirections() {
    Promotion p = P.any().route("HAN", "SGN", true).build();
    assertThat(p.appliesTo(hanSgn())).isTrue();
    assertThat(p.appliesTo(flight("VN", "SGN", "HAN", "J", "DOMESTIC"))).isTrue();
    assertThat(p.appliesTo(flight("VN", "HAN", "DAD", "J", "DOMESTIC"))).isFalse();
    assertThat(p.appliesTo(flight("VN", "SGN", "SGN", "J", "DOMESTIC"))).isFalse();
  }

  @Test
  void onlyAnOriginMeansEveryFlightFromItAndWithBothDirectionsToItToo() {
    Promotion from = P.any().route("HAN", null, false).build();
    assertThat(from.appliesTo(hanSgn())).isTrue();
    assertThat(from.appliesTo(flight("VN", "HAN", "NRT", "J", "INTERNATIONAL"))).isTrue();
    assertThat(from.appliesTo(flight("VN", "SGN", "HAN", "J", "DOMESTIC"))).isFalse();
    Promotion either = P.any().route("HAN", null, true).build();
    assertThat(either.appliesTo(flight("VN", "SGN", "HAN", "J", "DOMESTIC"))).isTrue();
    assertThat(either.appliesTo(flight("VN", "SGN", "DAD", "J", "DOMESTIC"))).isFalse();
    Promotion to = P.any().route(null, "NRT", false).build();
    assertThat(to.appliesTo(flight("VN", "SGN", "NRT", "J", "INTERNATIONAL"))).isTrue();
    assertThat(to.appliesTo(flight("VN", "NRT", "SGN", "J", "INTERNATIONAL"))).isFalse();
  }

  @Test
  void bookingClassesAreAStringOfLetters() {
    Promotion p = P.any().classes("JCD").build();
    assertThat(p.appliesTo(flight("VN", "HAN", "SGN", "J", "DOMESTIC"))).isTrue();
    assertThat(p.appliesTo(flight("VN", "HAN", "SGN", "C", "DOMESTIC"))).isTrue();
    assertThat(p.appliesTo(flight("VN", "HAN", "SGN", "D", "DOMESTIC"))).isTrue();
    assertThat(p.appliesTo(flight("VN", "HAN", "SGN", "Y", "DOMESTIC"))).isFalse();
    assertThat(p.appliesTo(flight("VN", "HAN", "SGN", "JC", "DOMESTIC"))).isFalse();
    assertThat(p.appliesTo(flight("VN", "HAN", "SGN", "", "DOMESTIC"))).isFalse();
    assertThat(p.appliesTo(flight("VN", "HAN", "SGN", null, "DOMESTIC"))).isFalse();
  }

  @Test
  void regionScope() {
    Promotion p = P.any().region("INTERNATIONAL").build();
    assertThat(p.appliesTo(flight("VN", "SGN", "NRT", "Y", "INTERNATIONAL"))).isTrue();
    assertThat(p.appliesTo(hanSgn())).isFalse();
  }

  @Test
  void everySetScopeColumnMustMatch() {
    Promotion p =
        P.any()
            .appliesTo(AppliesTo.FLIGHT)
            .carrier("VN")
            .route("SGN", "NRT", true)
            .classes("JC")
            .region("INTERNATIONAL")
            .build();
    assertThat(p.appliesTo(flight("VN", "NRT", "SGN", "C", "INTERNATIONAL"))).isTrue();
    assertThat(p.appliesTo(flight("JL", "NRT", "SGN", "C", "INTERNATIONAL"))).isFalse();
    assertThat(p.appliesTo(flight("VN", "NRT", "HAN", "C", "INTERNATIONAL"))).isFalse();
    assertThat(p.appliesTo(flight("VN", "NRT", "SGN", "Y", "INTERNATIONAL"))).isFalse();
    assertThat(p.appliesTo(flight("VN", "NRT", "SGN", "C", "DOMESTIC"))).isFalse();
  }

  // --- bonus

  @Test
  void multiplierBonusIsBaseTimesMultiplierMinusOneRoundedHalfUp() {
    assertThat(multiplier("2.00").bonusFor(793)).isEqualTo(793);
    assertThat(multiplier("1.50").bonusFor(1_500)).isEqualTo(750);
    assertThat(multiplier("1.50").bonusFor(793)).as("396.5 rounds up").isEqualTo(397);
    assertThat(multiplier("1.25").bonusFor(250)).as("62.5 rounds up").isEqualTo(63);
    assertThat(multiplier("1.25").bonusFor(249)).as("62.25 rounds down").isEqualTo(62);
    assertThat(multiplier("1.10").bonusFor(4)).as("0.4 rounds to nothing").isZero();
    assertThat(multiplier("1.10").bonusFor(5)).as("0.5 rounds up").isEqualTo(1);
    assertThat(multiplier("3.00").bonusFor(5_448)).isEqualTo(10_896);
    assertThat(multiplier("10.00").bonusFor(100)).isEqualTo(900);
  }

  @Test
  void fixedBonusIgnoresTheBase() {
    Promotion p = P.any().build();
    assertThat(p.bonusFor(1)).isEqualTo(100);
    assertThat(p.bonusFor(15_000)).isEqualTo(100);
  }

  @Test
  void refusesRowsTheTableWouldRefuse() {
    assertThatThrownBy(() -> multiplier("1.00")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Promotion(
                    1,
                    "X1",
                    "X",
                    Kind.FIXED_BONUS,
                    null,
                    0L,
                    AppliesTo.ANY,
                    null,
                    null,
                    null,
                    null,
                    true,
                    null,
                    null,
                    FROM,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Promotion(
                    1,
                    "X1",
                    "X",
                    Kind.FIXED_BONUS,
                    null,
                    10L,
                    AppliesTo.ANY,
                    null,
                    null,
                    null,
                    null,
                    true,
                    null,
                    null,
                    FROM,
                    FROM,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Promotion(
                    1,
                    "X1",
                    "X",
                    Kind.FIXED_BONUS,
                    null,
                    10L,
                    AppliesTo.ANY,
                    null,
                    null,
                    null,
                    null,
                    true,
                    null,
                    null,
                    FROM,
                    null,
                    0L))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
