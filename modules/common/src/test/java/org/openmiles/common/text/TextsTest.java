package org.openmiles.common.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void keepsTheFirstMaxCharactersOfALongerText() {
    assertThat(Texts.truncate("abcdef", 4)).isEqualTo("abcd");
    assertThat(Texts.truncate("abcdef", 0)).isEmpty();
  }

  @Test
  void leavesATextThatFitsAsItIs() {
    assertThat(Texts.truncate("abcd", 4)).isEqualTo("abcd");
    assertThat(Texts.truncate("ab", 4)).isEqualTo("ab");
    assertThat(Texts.truncate("", 4)).isEmpty();
  }

  @Test
  void nullStaysNull() {
    assertThat(Texts.truncate(null, 4)).isNull();
  }

  @Test
  void refusesANegativeLength() {
    assertThatThrownBy(() -> Texts.truncate("abc", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
