package org.openmiles.accrual.api;

import static org.assertj.core.api.Assertions.assertThat;

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
}
