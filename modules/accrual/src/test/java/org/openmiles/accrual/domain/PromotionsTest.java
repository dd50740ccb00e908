package org.openmiles.accrual.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmiles.accrual.domain.PromotionBuilder.promotion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.domain.Promotion.AppliesTo;
import org.openmiles.accrual.domain.Promotions.Award;
import org.openmiles.accrual.domain.Promotions.MemberKey;

class PromotionsTest {
  static final MemberNumber ANNA = MemberNumber.fromSequence(100_000_001L);
  static final MemberNumber BINH = MemberNumber.fromSequence(100_000_002L);
  static final LocalDate DAY = LocalDate.of(2026, 6, 10);

  static Promotion multiplier(String code, String m, String partner, Long cap) {
    return promotion()
        .code(code, "Promotion " + code)
        .multiplier(m)
        .appliesTo(AppliesTo.PARTNER)
        .partner(partner)
        .window(DAY.minusDays(9), DAY.plusDays(21))
        .cap(cap)
        .build();
  }

  static Promotion fixed(String code, long miles, Long cap) {
    return promotion()
        .id(2)
        .code(code, "Promotion " + code)
        .fixedBonus(miles)
        .window(DAY.minusDays(9), null)
        .cap(cap)
        .build();
  }

  static PromotionTarget stay(String tx, MemberNumber m, long base) {
    return PromotionTarget.partner("P:DEMO_HOTEL:" + tx, m, DAY, "DEMO_HOTEL", base);
  }

  /** (target index, promotion code, miles) of each award, for exact comparison. */
  static List<String> summary(List<Award> awards) {
    return awards.stream()
        .map(a -> a.targetIndex() + " " + a.promotion().code() + " " + a.miles())
        .toList();
  }

  @Test
  void eachApplicablePromotionGivesItsOwnBonusInCodeOrder() {
    // given out of order: the result is in code order whatever the input order
    Promotions promotions =
        new Promotions(
            List.of(
                fixed("Z_WELCOME", 250, null),
                multiplier("A_DOUBLE", "2.00", "DEMO_HOTEL", null),
                multiplier("M_CAR", "3.00", "DEMO_CAR", null)));
    List<Award> awards = promotions.bonuses(List.of(stay("T1", ANNA, 1_500)), Map.of(), Map.of());
    assertThat(summary(awards)).containsExactly("0 A_DOUBLE 1500", "0 Z_WELCOME 250");
    assertThat(awards)
        .extracting(Award::reference)
        .containsExactly("P:DEMO_HOTEL:T1:PR:A_DOUBLE", "P:DEMO_HOTEL:T1:PR:Z_WELCOME");
    assertThat(awards).noneMatch(Award::replay);
  }

  @Test
  void aCapIsPaidUpToItsRemainderThenNothing() {
    // 1.5x on 1,500 = 750 each time; cap 2,000; the member already had 600
    Promotions promotions =
        new Promotions(List.of(multiplier("HALF_MORE", "1.50", "DEMO_HOTEL", 2_000L)));
    List<PromotionTarget> targets =
        List.of(
            stay("T1", ANNA, 1_500),
            stay("T2", ANNA, 1_500),
            stay("T3", ANNA, 1_500),
            stay("T4", BINH, 1_500));
    List<Award> awards =
        promotions.bonuses(targets, Map.of(new MemberKey("HALF_MORE", ANNA), 600L), Map.of());
    // Anna: 750 (1,350 so far), then 650 (the rest, 2,000), then nothing; Binh starts from zero
    assertThat(summary(awards))
        .containsExactly("0 HALF_MORE 750", "1 HALF_MORE 650", "3 HALF_MORE 750");
  }

  @Test
  void aMemberAtTheCapGetsNothingAndOneOverItToo() {
    Promotions promotions = new Promotions(List.of(fixed("FIXED", 500, 1_000L)));
    assertThat(
            promotions.bonuses(
                List.of(stay("T1", ANNA, 100)),
                Map.of(new MemberKey("FIXED", ANNA), 1_000L),
                Map.of()))
        .isEmpty();
    assertThat(
            promotions.bonuses(
                List.of(stay("T1", ANNA, 100)),
                Map.of(new MemberKey("FIXED", ANNA), 1_200L),
                Map.of()))
        .isEmpty();
    assertThat(
            summary(
                promotions.bonuses(
                    List.of(stay("T1", ANNA, 100)),
                    Map.of(new MemberKey("FIXED", ANNA), 999L),
                    Map.of())))
        .containsExactly("0 FIXED 1");
  }

  @Test
  void capsAreCountedPerPromotionAndOneCappedPromotionDoesNotStopAnother() {
    Promotions promotions =
        new Promotions(
            List.of(fixed("CAPPED", 300, 300L), multiplier("UNCAPPED", "2.00", null, null)));
    List<Award> awards =
        promotions.bonuses(
            List.of(stay("T1", ANNA, 1_000), stay("T2", ANNA, 1_000)), Map.of(), Map.of());
    assertThat(summary(awards))
        .containsExactly("0 CAPPED 300", "0 UNCAPPED 1000", "1 UNCAPPED 1000");
  }

  @Test
  void aBonusThatRoundsToZeroIsNoBonus() {
    Promotions promotions =
        new Promotions(List.of(multiplier("TENTH", "1.10", "DEMO_HOTEL", null)));
    assertThat(promotions.bonuses(List.of(stay("T1", ANNA, 4)), Map.of(), Map.of())).isEmpty();
    assertThat(summary(promotions.bonuses(List.of(stay("T1", ANNA, 5)), Map.of(), Map.of())))
        .containsExactly("0 TENTH 1");
  }

  @Test
  void targetsOutsideEveryPromotionGetNothing() {
    Promotions promotions = new Promotions(List.of(multiplier("H", "2.00", "DEMO_HOTEL", null)));
    PromotionTarget car = PromotionTarget.partner("P:DEMO_CAR:1", ANNA, DAY, "DEMO_CAR", 900);
    PromotionTarget late =
        PromotionTarget.partner("P:DEMO_HOTEL:9", ANNA, DAY.plusDays(21), "DEMO_HOTEL", 900);
    assertThat(promotions.bonuses(List.of(car, late), Map.of(), Map.of())).isEmpty();
  }

  @Test
  void aBonusAwardedBeforeIsReturnedAsAwardedAndDoesNotUseTheCapAgain() {
    Promotions promotions = new Promotions(List.of(fixed("FIXED", 500, 1_000L)));
    // T1 was awarded 400 before (the cap had 400 left then); the total already includes it
    List<Award> awards =
        promotions.bonuses(
            List.of(stay("T1", ANNA, 100), stay("T2", ANNA, 100)),
            Map.of(new MemberKey("FIXED", ANNA), 1_000L),
            Map.of("P:DEMO_HOTEL:T1:PR:FIXED", 400L));
    assertThat(summary(awards)).containsExactly("0 FIXED 400");
    assertThat(awards.get(0).replay()).isTrue();
  }

  @Test
  void cappedKeysAreTheCappedPairsThatApplySorted() {
    Promotions promotions =
        new Promotions(
            List.of(
                fixed("B_CAPPED", 100, 1_000L),
                fixed("A_CAPPED", 100, 1_000L),
                multiplier("C_OPEN", "2.00", null, null),
                multiplier("D_CAR", "2.00", "DEMO_CAR", 1_000L)));
    assertThat(
            promotions.cappedKeys(
                List.of(stay("T1", BINH, 100), stay("T2", ANNA, 100), stay("T3", BINH, 100))))
        .containsExactly(
            new MemberKey("A_CAPPED", ANNA),
            new MemberKey("A_CAPPED", BINH),
            new MemberKey("B_CAPPED", ANNA),
            new MemberKey("B_CAPPED", BINH));
    assertThat(promotions.candidateReferences(List.of(stay("T1", ANNA, 100))))
        .containsExactly(
            "P:DEMO_HOTEL:T1:PR:A_CAPPED",
            "P:DEMO_HOTEL:T1:PR:B_CAPPED",
            "P:DEMO_HOTEL:T1:PR:C_OPEN");
  }

  @Test
  void aCodeGivenTwiceIsRefused() {
    assertThatThrownBy(() -> new Promotions(List.of(fixed("X", 1, null), fixed("X", 2, null))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aVersionIsTheCodesTermsFromItsDateUntilTheNextOnesSoATargetGetsOneBonusPerCode() {
    // 100 miles until DAY, 300 from DAY: a stay the day before gets 100, one on DAY 300
    Promotion first =
        promotion()
            .code("WELCOME", "Welcome")
            .fixedBonus(100)
            .window(DAY.minusDays(9), null)
            .version(DAY.minusDays(9), DAY)
            .build();
    Promotion second =
        promotion()
            .code("WELCOME", "Welcome more")
            .fixedBonus(300)
            .window(DAY.minusDays(9), null)
            .version(DAY, null)
            .build();
    Promotions promotions = new Promotions(List.of(second, first));
    PromotionTarget before =
        PromotionTarget.partner("P:DEMO_HOTEL:B", ANNA, DAY.minusDays(1), "DEMO_HOTEL", 500);
    List<Award> awards =
        promotions.bonuses(List.of(before, stay("T1", ANNA, 500)), Map.of(), Map.of());
    assertThat(summary(awards)).containsExactly("0 WELCOME 100", "1 WELCOME 300");
    assertThatThrownBy(
            () ->
                new Promotions(
                    List.of(
                        first,
                        promotion().code("WELCOME", "x").version(DAY.minusDays(1), null).build())))
        .as("two versions of one code in force on one date")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPromotionAskingForRegistrationPaysOnlyMembersRegisteredOnOrBeforeTheActivityDate() {
    Promotion asking =
        promotion()
            .code("REGISTERED", "Registered only")
            .fixedBonus(200)
            .window(DAY.minusDays(9), null)
            .registrationRequired()
            .build();
    MemberNumber chi = MemberNumber.fromSequence(100_000_003L);
    Promotions promotions =
        new Promotions(
            List.of(asking),
            Map.of(
                new MemberKey("REGISTERED", ANNA),
                DAY, // on the day: earns
                new MemberKey("REGISTERED", BINH),
                DAY.plusDays(1))); // the day after: does not
    List<Award> awards =
        promotions.bonuses(
            List.of(stay("T1", ANNA, 500), stay("T2", BINH, 500), stay("T3", chi, 500)),
            Map.of(),
            Map.of());
    assertThat(summary(awards)).containsExactly("0 REGISTERED 200");
    assertThat(promotions.askingForRegistration()).containsExactly("REGISTERED");
  }
}
