package org.openmiles.accounts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.common.ValidationException;

class MemberNumberTest {

  @Test
  void numbersFromTheSequenceCarryALuhnCheckDigit() {
    assertThat(MemberNumber.fromSequence(100_000_000L).value()).isEqualTo("1000000008");
    assertThat(MemberNumber.fromSequence(100_000_001L).value()).isEqualTo("1000000016");
    assertThat(MemberNumber.fromSequence(999_999_999L).value()).hasSize(10);
  }

  @Test
  void everySingleDigitTypoIsCaught() {
    String good = MemberNumber.fromSequence(123_456_789L).value();
    for (int pos = 0; pos < 10; pos++) {
      for (char d = '0'; d <= '9'; d++) {
        if (good.charAt(pos) == d) {
          continue;
        }
        String typo = good.substring(0, pos) + d + good.substring(pos + 1);
        assertThat(MemberNumber.isValid(typo)).as(typo).isFalse();
      }
    }
  }

  @Test
  void swappingTwoNeighbouringDigitsIsCaughtUnlessTheyAre0And9() {
    for (long seq = 100_000_000L; seq < 100_002_000L; seq += 7) {
      String good = MemberNumber.fromSequence(seq).value();
      for (int pos = 0; pos < 9; pos++) {
        char a = good.charAt(pos);
        char b = good.charAt(pos + 1);
        if (a == b || (a == '0' && b == '9') || (a == '9' && b == '0')) {
          continue; // the one swap Luhn cannot see
        }
        String swapped = good.substring(0, pos) + b + a + good.substring(pos + 2);
        assertThat(MemberNumber.isValid(swapped)).as(swapped).isFalse();
      }
    }
  }

  @Test
  void malformedNumbersAreRefusedWithAReason() {
    assertThatThrownBy(() -> new MemberNumber("12345")).hasMessageContaining("10 digits");
    assertThatThrownBy(() -> new MemberNumber("100000000a")).hasMessageContaining("10 digits");
    assertThatThrownBy(() -> new MemberNumber("1000000009")).hasMessageContaining("check digit");
    assertThatThrownBy(() -> new MemberNumber(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MemberNumber.fromSequence(99_999_999L))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new MemberNumber(" 1000000008 ")).isEqualTo(new MemberNumber("1000000008"));
  }

  @Test
  void aNumberFromARequestIsValidOrAValidationFailureNamingMemberNumber() {
    assertThat(MemberNumber.fromRequest(" 1000000008")).isEqualTo(new MemberNumber("1000000008"));
    assertThatThrownBy(() -> MemberNumber.fromRequest("1000000009"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .isEqualTo(Map.of("memberNumber", "member number check digit does not match")));
    assertThatThrownBy(() -> MemberNumber.fromRequest(null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("memberNumber"));
  }
}
