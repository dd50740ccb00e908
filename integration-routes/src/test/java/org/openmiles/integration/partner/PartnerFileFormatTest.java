package org.openmiles.integration.partner;

import static org.assertj.core.api.Assertions.assertThat;

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
}
