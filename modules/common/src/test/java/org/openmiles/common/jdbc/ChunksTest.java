package org.openmiles.common.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksTest {
  @Test
  void runsFullChunksUntilAShortOneAndAddsThemUp() {
    ArrayDeque<Integer> answers = new ArrayDeque<>(List.of(10, 10, 3, 10));
    assertThat(Chunks.untilShort(answers::pop, 10)).isEqualTo(23);
    assertThat(answers).containsExactly(10);
  }

  @Test
  void anEmptyFirstChunkEndsAtOnce() {
    ArrayDeque<Integer> answers = new ArrayDeque<>(List.of(0, 10));
    assertThat(Chunks.untilShort(answers::pop, 10)).isZero();
    assertThat(answers).containsExactly(10);
  }
}
