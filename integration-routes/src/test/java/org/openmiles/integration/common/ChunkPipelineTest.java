package org.openmiles.integration.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which characters a record line may hold before it is parsed in the second pass. */
class ChunkPipelineTest {

  @ParameterizedTest
  @ValueSource(strings = {"D,a,10", "D,a\t,10", "D,a,10\r", "D,Ä日本,10", ""})
  void tabCarriageReturnAndTextPass(String line) {
    assertThatCode(() -> ChunkPipeline.rejectControlCharacters(line)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource({"0, 3, U+0000", "1, 1, U+0001", "27, 7, U+001B", "31, 4, U+001F"})
  void anyOtherControlCharacterIsRejectedWithItsPosition(int c, int position, String name) {
    StringBuilder line = new StringBuilder("D,abcdef");
    line.setCharAt(position - 1, (char) c);
    assertThatThrownBy(() -> ChunkPipeline.rejectControlCharacters(line.toString()))
        .isInstanceOf(BadRecord.class)
        .hasMessage(
            "the line has a control character ("
                + name
                + ") at position "
                + position
                + "; remove it")
        .extracting(e -> ((BadRecord) e).code())
        .isEqualTo("CONTROL_CHARACTER");
  }
}
