package org.openmiles.accrual.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmiles.accrual.domain.PromotionBuilder.promotion;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.domain.Promotion.AppliesTo;

class PromotionTest {
  static final MemberNumber M = MemberNumber.fromSequence(100_000_001L);
  static final LocalDate FROM = LocalDate.of(2026, 6, 1);
  static final LocalDate TO = LocalDate.of(2026, 7, 1);

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
    return promotion().id(2).code("DOUBLE", "Double").multiplier(m).window(FROM, null).build();
  }

  // --- activity window

  @Test
  void theWindowIncludesItsFirstDayAndExcludesEffectiveTo() {
    Promotion p = promotion().build();
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
    assertThat(promotion().appliesTo(AppliesTo.FLIGHT).build().appliesTo(hanSgn())).isTrue();
    assertThat(promotion().appliesTo(AppliesTo.FLIGHT).build().appliesTo(stay)).isFalse();
    assertThat(promotion().appliesTo(AppliesTo.PARTNER).build().appliesTo(stay)).isTrue();
    assertThat(promotion().appliesTo(AppliesTo.PARTNER).build().appliesTo(hanSgn())).isFalse();
    assertThat(promotion().build().appliesTo(stay)).isTrue();
    assertThat(promotion().build().appliesTo(hanSgn())).isTrue();
  }

  // --- each scope column

  @Test
  void partnerScope() {
    Promotion p = promotion().appliesTo(AppliesTo.PARTNER).partner("DEMO_HOTEL").build();
    assertThat(p.appliesTo(stay("DEMO_HOTEL", FROM))).isTrue();
    assertThat(p.appliesTo(stay("DEMO_CAR", FROM))).isFalse();
    // ANY with a partner: a flight has no partner, so it does not match
    assertThat(promotion().partner("DEMO_HOTEL").build().appliesTo(hanSgn())).isFalse();
  }

  @Test
  void carrierScope() {
    Promotion p = promotion().carrier("VN").build();
    assertThat(p.appliesTo(hanSgn())).isTrue();
    assertThat(p.appliesTo(flight("QH", "HAN", "SGN", "J", "DOMESTIC"))).isFalse();
    assertThat(p.appliesTo(stay("DEMO_HOTEL", FROM))).as("a stay has no carrier").isFalse();
  }

  @Test
  void routeInOneDirectionOnly() {
    Promotion p = promotion().route("HAN", "SGN", false).build();
    assertThat(p.appliesTo(hanSgn())).isTrue();
    assertThat(p.appliesTo(flight("VN", "SGN", "HAN", "J", "DOMESTIC"))).isFalse();
    assertThat(p.appliesTo(flight("VN", "HAN", "DAD", "J", "DOMESTIC"))).isFalse();
    assertThat(p.appliesTo(flight("VN", "DAD", "SGN", "J", "DOMESTIC"))).isFalse();
  }

  @Test
  void routeInBothDirections() {
    Promotion p = promotion().route("HAN", "SGN", true).build();
    assertThat(p.appliesTo(hanSgn())).isTrue();
    assertThat(p.appliesTo(flight("VN", "SGN", "HAN", "J", "DOMESTIC"))).isTrue();
    assertThat(p.appliesTo(flight("VN", "HAN", "DAD", "J", "DOMESTIC"))).isFalse();
    assertThat(p.appliesTo(flight("VN", "SGN", "SGN", "J", "DOMESTIC"))).isFalse();
  }

  @Test
  void onlyAnOriginMeansEveryFlightFromItAndWithBothDirectionsToItToo() {
    Promotion from = promotion().route("HAN", null, false).build();
    assertThat(from.appliesTo(hanSgn())).isTrue();
    assertThat(from.appliesTo(flight("VN", "HAN", "NRT", "J", "INTERNATIONAL"))).isTrue();
    assertThat(from.appliesTo(flight("VN", "SGN", "HAN", "J", "DOMESTIC"))).isFalse();
    Promotion either = promotion().route("HAN", null, true).build();
    assertThat(either.appliesTo(flight("VN", "SGN", "HAN", "J", "DOMESTIC"))).isTrue();
    assertThat(either.appliesTo(flight("VN", "SGN", "DAD", "J", "DOMESTIC"))).isFalse();
    Promotion to = promotion().route(null, "NRT", false).build();
    assertThat(to.appliesTo(flight("VN", "SGN", "NRT", "J", "INTERNATIONAL"))).isTrue();
    assertThat(to.appliesTo(flight("VN", "NRT", "SGN", "J", "INTERNATIONAL"))).isFalse();
  }

  @Test
  void bookingClassesAreAStringOfLetters() {
    Promotion p = promotion().classes("JCD").build();
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
    Promotion p = promotion().region("INTERNATIONAL").build();
    assertThat(p.appliesTo(flight("VN", "SGN", "NRT", "Y", "INTERNATIONAL"))).isTrue();
    assertThat(p.appliesTo(hanSgn())).isFalse();
  }

  @Test
  void everySetScopeColumnMustMatch() {
    Promotion p =
        promotion()
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
    Promotion p = promotion().build();
    assertThat(p.bonusFor(1)).isEqualTo(100);
    assertThat(p.bonusFor(15_000)).isEqualTo(100);
  }

  @Test
  void refusesRowsTheTableWouldRefuse() {
    assertThatThrownBy(() -> multiplier("1.00")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> x1().fixedBonus(0).build())
        .as("a fixed bonus of nothing")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> x1().fixedBonus(10).window(FROM, FROM).build())
        .as("an empty window")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> x1().fixedBonus(10).cap(0L).build())
        .as("a cap of nothing")
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static PromotionBuilder x1() {
    return promotion().code("X1", "X").window(FROM, null);
  }

  @Test
  void scopesOverlapWhenSomeActivityCouldBeInBoth() {
    Promotion.Scope hotel = scope(AppliesTo.PARTNER, "DEMO_HOTEL", null, null, null, true, null);
    Promotion.Scope anyPartner = scope(AppliesTo.ANY, null, null, null, null, true, null);
    Promotion.Scope car = scope(AppliesTo.PARTNER, "DEMO_CAR", null, null, null, true, null);
    Promotion.Scope hanSgn = scope(AppliesTo.FLIGHT, null, "VN", "HAN", "SGN", false, "JC");
    Promotion.Scope sgnHan = scope(AppliesTo.FLIGHT, null, null, "SGN", "HAN", false, null);
    Promotion.Scope sgnHanBoth = scope(AppliesTo.FLIGHT, null, null, "SGN", "HAN", true, "YC");
    Promotion.Scope economy = scope(AppliesTo.ANY, null, null, null, null, true, "YBM");
    assertThat(hotel.overlaps(anyPartner)).as("ANY takes the hotel's records too").isTrue();
    assertThat(hotel.overlaps(car)).as("two partners").isFalse();
    assertThat(hotel.overlaps(hanSgn)).as("a partner record is no flight").isFalse();
    assertThat(hanSgn.overlaps(sgnHan)).as("opposite directions, one way each").isFalse();
    assertThat(hanSgn.overlaps(sgnHanBoth)).as("both ways, a class in common").isTrue();
    assertThat(hanSgn.overlaps(economy)).as("no class in common").isFalse();
    assertThat(economy.overlaps(hotel))
        .as("a class scope makes an ANY promotion flights only")
        .isFalse();
    assertThat(anyPartner.overlaps(economy)).isTrue();
  }

  private static Promotion.Scope scope(
      AppliesTo appliesTo,
      String partner,
      String carrier,
      String origin,
      String destination,
      boolean both,
      String classes) {
    return new Promotion.Scope(
        appliesTo, partner, carrier, origin, destination, both, classes, null);
  }
}
