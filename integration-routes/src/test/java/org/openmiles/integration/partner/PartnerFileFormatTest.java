package org.openmiles.integration.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartnerFileFormatTest {
  @Test
  void transactionIdsAreOneToSixtyFourOfTheAllowedCharacters() {
    assertThat(PartnerFileFormat.isTxId("TX-2026/01:a_b.9")).isTrue();
    assertThat(PartnerFileFormat.isTxId("x".repeat(64))).isTrue();
    assertThat(PartnerFileFormat.isTxId("x".repeat(65))).isFalse();
    assertThat(PartnerFileFormat.isTxId("")).isFalse();
    assertThat(PartnerFileFormat.isTxId("TX 1")).isFalse();
    assertThat(PartnerFileFormat.isTxId("TX#1")).isFalse();
    assertThat(PartnerFileFormat.isTxId("TXé")).isFalse();
  }

  @Test
  void currenciesAreThreeCapitalLetters() {
    assertThat(PartnerFileFormat.isCurrency("VND")).isTrue();
    assertThat(PartnerFileFormat.isCurrency("vnd")).isFalse();
    assertThat(PartnerFileFormat.isCurrency("VN")).isFalse();
    assertThat(PartnerFileFormat.isCurrency("VNDX")).isFalse();
    assertThat(PartnerFileFormat.isCurrency("V1D")).isFalse();
  }

  @Test
  void version2AddsReversalsThatRepeatTheRecordAndMayBeOfAnyAge() throws Exception {
    String member = org.openmiles.accounts.api.MemberNumber.fromSequence(100_000_001L).value();
    java.time.LocalDate today = java.time.LocalDate.parse("2026-11-24");
    assertThat(
            PartnerFileFormat.checkHeader(
                PartnerFileFormat.fields("H,OPENMILES-PARTNER-ACTIVITY,2,DEMO_HOTEL,2026-11-24,X"),
                "DEMO_HOTEL"))
        .isEqualTo("2");
    PartnerFileFormat.checkRecordType("D", "1");
    PartnerFileFormat.checkRecordType("D", "2");
    PartnerFileFormat.checkRecordType("R", "2");
    assertThatThrownBy(() -> PartnerFileFormat.checkRecordType("R", "1"))
        .isInstanceOf(org.openmiles.integration.common.BadRecord.class)
        .hasMessageContaining("version 2");
    String line = "R,TX-1," + member + ",Nguyen,2025-01-10,STAY_NIGHT,2,,stay cancelled";
    var r = PartnerFileFormat.detail(PartnerFileFormat.fields(line), "DEMO_HOTEL", 7, today, 12);
    assertThat(r.reversal()).isTrue();
    assertThat(r.partnerTxId()).isEqualTo("TX-1");
    assertThat(r.reversalReference()).isEqualTo("P:DEMO_HOTEL:TX-1:R");
    assertThat(r.activityDate()).isEqualTo(java.time.LocalDate.parse("2025-01-10"));
    var d = PartnerFileFormat.fields("D,TX-1," + member + ",Nguyen,2025-01-10,STAY_NIGHT,2,,stay");
    assertThatThrownBy(() -> PartnerFileFormat.detail(d, "DEMO_HOTEL", 7, today, 12))
        .hasMessageContaining("more than 12 months ago");
    var future =
        PartnerFileFormat.fields("R,TX-1," + member + ",Nguyen,2026-11-25,STAY_NIGHT,2,,x");
    assertThatThrownBy(() -> PartnerFileFormat.detail(future, "DEMO_HOTEL", 7, today, 12))
        .hasMessageContaining("in the future");
    var shortLine = PartnerFileFormat.fields("R,TX-1," + member);
    assertThatThrownBy(() -> PartnerFileFormat.detail(shortLine, "DEMO_HOTEL", 7, today, 12))
        .hasMessageStartingWith("a reversal record has 9 fields");
  }
}
