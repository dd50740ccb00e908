package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmiles.retention.api.NpsRow;

class NetPromoterScoreTest {

  @Test
  void promotersAnswerNineOrTenAndDetractorsZeroToSix() {
    assertThat(IntStream.rangeClosed(0, 10).filter(NetPromoterScore::promoter))
        .containsExactly(9, 10);
    assertThat(IntStream.rangeClosed(0, 10).filter(NetPromoterScore::detractor))
        .containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  @ParameterizedTest(name = "{0} promoters, {1} detractors of {2}: {3}")
  @CsvSource({
    "2, 1, 4, 25.0", // 50 % - 25 %
    "10, 0, 10, 100.0",
    "0, 10, 10, -100.0",
    "1, 1, 3, 0.0",
    "2, 1, 3, 33.3", // 66.67 % - 33.33 %
    "1, 0, 3, 33.3",
    "2, 0, 3, 66.7", // half up
    "0, 0, 5, 0.0" // all passives
  })
  void npsIsPercentPromotersMinusPercentDetractors(
      long promoters, long detractors, long answers, String nps) {
    assertThat(NetPromoterScore.of(promoters, detractors, answers)).isEqualTo(new BigDecimal(nps));
  }

  @Test
  void noAnswersNoScore() {
    assertThat(NetPromoterScore.of(0, 0, 0)).isNull();
  }

  @Test
  void aRowCountsThePassivesAsTheRest() {
    NpsRow row = NetPromoterScore.row("FLIGHT", 4, 2, 1);
    assertThat(row.passives()).isEqualTo(1);
    assertThat(row.nps()).isEqualByComparingTo("25");
  }

  @Test
  void moreGroupsThanAnswersIsRefused() {
    assertThatThrownBy(() -> NetPromoterScore.of(3, 2, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
