package org.openmiles.accrual.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CouponKeyTest {
  @ParameterizedTest
  @CsvSource({"7381234567890/1, 7381234567890, 1", "7381234567890/4, 7381234567890, 4"})
  void aKeyIsReadAndWrittenTheSameWay(String key, String ticket, int coupon) {
    CouponKey k = CouponKey.parse(key);
    assertThat(k).isEqualTo(new CouponKey(ticket, coupon));
    assertThat(k.toString()).isEqualTo(key).isEqualTo(CouponKey.format(ticket, coupon));
  }

  @ParameterizedTest
  @ValueSource(strings = {"7381234567890", "/1", "7381234567890/", "738/1/2", "7381234567890/x"})
  void anythingElseIsRefused(String key) {
    assertThatThrownBy(() -> CouponKey.parse(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key);
  }
}
