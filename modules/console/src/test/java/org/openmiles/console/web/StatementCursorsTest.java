package org.openmiles.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementCursorsTest {
  private final StatementCursors cursors = new StatementCursors();

  @Test
  void theFirstPageHasNothingNewerAndOlderOnlyWhenThePageSaysSo() {
    assertThat(cursors.first()).isNull();
    cursors.loaded(null);
    assertThat(cursors.hasOlder()).isFalse();
    assertThat(cursors.hasNewer()).isFalse();
    assertThat(cursors.pageNumber()).isEqualTo(1);

    cursors.loaded("c1");
    assertThat(cursors.hasOlder()).isTrue();
  }

  @Test
  void olderThenNewerWalksBackToTheCursorOfEachPage() {
    cursors.loaded("c1");
    assertThat(cursors.older()).isEqualTo("c1");
    cursors.loaded("c2");
    assertThat(cursors.older()).isEqualTo("c2");
    cursors.loaded(null);
    assertThat(cursors.pageNumber()).isEqualTo(3);
    assertThat(cursors.hasOlder()).isFalse();
    assertThat(cursors.hasNewer()).isTrue();

    assertThat(cursors.newer()).isEqualTo("c1");
    cursors.loaded("c2");
    assertThat(cursors.pageNumber()).isEqualTo(2);
    assertThat(cursors.newer()).isNull();
    cursors.loaded("c1");
    assertThat(cursors.pageNumber()).isEqualTo(1);
    assertThat(cursors.hasNewer()).isFalse();
  }

  @Test
  void firstForgetsThePagesBefore() {
    cursors.loaded("c1");
    cursors.older();
    cursors.loaded("c2");
    assertThat(cursors.first()).isNull();
    assertThat(cursors.pageNumber()).isEqualTo(1);
    assertThat(cursors.hasNewer()).isFalse();
  }

  @Test
  void aPageThatFailedToLoadLeavesTheNextCursorAsItWas() {
    cursors.loaded("c1");
    cursors.older(); // page 2 fails: loaded() is not called
    assertThat(cursors.pageNumber()).isEqualTo(2);
    assertThat(cursors.hasOlder()).isTrue();
    assertThat(cursors.older()).isEqualTo("c1");
  }
}
