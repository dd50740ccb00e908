package org.openmiles.accrual.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LedgerReferencesTest {

  @Test
  void aCouponsAndARecordsPostingsAreNamedByTheirOrigin() {
    String coupon = LedgerReferences.flownCoupon("7381234567890", 2);
    assertThat(coupon).isEqualTo("F:7381234567890:2");
    assertThat(LedgerReferences.tierBonus(coupon)).isEqualTo("F:7381234567890:2:TB");
    assertThat(LedgerReferences.reversal(coupon)).isEqualTo("F:7381234567890:2:R");
    String record = LedgerReferences.partnerActivity("DEMO_HOTEL", "T1");
    assertThat(record).isEqualTo("P:DEMO_HOTEL:T1");
    assertThat(LedgerReferences.reversal(record)).isEqualTo("P:DEMO_HOTEL:T1:R");
    assertThat(LedgerReferences.promotionBonus(record, "SUMMER"))
        .isEqualTo("P:DEMO_HOTEL:T1:PR:SUMMER");
  }

  @Test
  void aBonusReferenceThatWouldBeTooLongIsShortenedDeterministically() {
    String base = "P:" + "P".repeat(20) + ":" + "T".repeat(64); // 87 characters
    String code = "C".repeat(30);
    String ref = LedgerReferences.promotionBonus(base, code);
    assertThat(ref).startsWith("PR:" + code + ":").hasSize(3 + 30 + 1 + 64);
    assertThat(LedgerReferences.promotionBonus(base, code)).isEqualTo(ref);
    assertThat(LedgerReferences.promotionBonus(base.replace('T', 'U'), code)).isNotEqualTo(ref);
    String fits = "C".repeat(29); // 87 + 4 + 29 = 120: just fits
    assertThat(LedgerReferences.promotionBonus(base, fits)).isEqualTo(base + ":PR:" + fits);
  }

  @Test
  void theBaseOfAnActivityPostingIsReadBackAndBonusesAreNotActivities() {
    String coupon = LedgerReferences.flownCoupon("7381234567890", 2);
    String record = LedgerReferences.partnerActivity("DEMO_HOTEL", "T1");
    assertThat(LedgerReferences.activityBase(coupon, false)).contains(coupon);
    assertThat(LedgerReferences.activityBase(record, false)).contains(record);
    assertThat(LedgerReferences.activityBase(LedgerReferences.reversal(coupon), true))
        .contains(coupon);
    assertThat(LedgerReferences.activityBase(LedgerReferences.reversal(record), true))
        .contains(record);
    assertThat(LedgerReferences.activityBase(LedgerReferences.tierBonus(coupon), false)).isEmpty();
    assertThat(LedgerReferences.activityBase(LedgerReferences.promotionBonus(record, "X"), false))
        .isEmpty();
    assertThat(LedgerReferences.activityBase(coupon, true)).as("not a reversal").isEmpty();
    assertThat(LedgerReferences.activityBase("AW:1234", false)).isEmpty();
    // a partner transaction id ending in ":R" is a credit when the entry is one
    String odd = LedgerReferences.partnerActivity("DEMO_HOTEL", "T1:R");
    assertThat(LedgerReferences.activityBase(odd, false)).contains(odd);
  }

  @Test
  void theActivityReadersSayWhatTheirPatternsSay() {
    Pattern flown = Pattern.compile("F:[0-9]{13}:[0-9]{1,2}");
    Pattern partner = Pattern.compile("P:[A-Z0-9_]{2,20}:.+");
    String alphabet = "FP:0123456789AZ_a-\n\u2028R";
    Random random = new Random(19);
    List<String> samples =
        new ArrayList<>(
            List.of(
                "F:7381234567890:1",
                "F:7381234567890:12",
                "F:7381234567890:123",
                "F:738123456789:1",
                "F:7381234567890:",
                "F:7381234567890:1a",
                "P:AB:x",
                "P:A:x",
                "P:ABCDEFGHIJKLMNOPQRST:x",
                "P:ABCDEFGHIJKLMNOPQRSTU:x",
                "P:AB:",
                "P:AB:x\n",
                "P:AB:x:y",
                "P:ab:x",
                "P:DEMO_HOTEL:T1:R",
                "P::x",
                "F:",
                "P:",
                ""));
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder(random.nextBoolean() ? "F:" : "P:");
      if (b.charAt(0) == 'F') {
        for (int d = 0; d < 11 + random.nextInt(4); d++) {
          b.append((char) ('0' + random.nextInt(10)));
        }
      }
      for (int k = random.nextInt(8); k > 0; k--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      samples.add(b.toString());
    }
    for (String s : samples) {
      assertThat(LedgerReferences.isFlownCoupon(s)).as(s).isEqualTo(flown.matcher(s).matches());
      assertThat(LedgerReferences.isPartnerActivity(s))
          .as(s)
          .isEqualTo(partner.matcher(s).matches());
    }
  }
}
