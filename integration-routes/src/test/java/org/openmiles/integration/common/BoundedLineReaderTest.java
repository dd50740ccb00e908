package org.openmiles.integration.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
  @Test
  void linesAreNumberedWithCrlfAndBomRemoved() throws Exception {
    var r = new BoundedLineReader(new StringReader("\uFEFFH,1\r\nD,2\n\nT,3"), 100);
    assertThat(r.next()).isEqualTo(new BoundedLineReader.Line(1, "H,1", false));
    assertThat(r.next()).isEqualTo(new BoundedLineReader.Line(2, "D,2", false));
    assertThat(r.next()).isEqualTo(new BoundedLineReader.Line(3, "", false));
    assertThat(r.next()).isEqualTo(new BoundedLineReader.Line(4, "T,3", false));
    assertThat(r.next()).isNull();
  }

  @Test
  void anOverlongLineIsCutAndFlaggedAndTheNextLineIsIntact() throws Exception {
    var r = new BoundedLineReader(new StringReader("x".repeat(10_000) + "\nnext"), 8);
    var first = r.next();
    assertThat(first.tooLong()).isTrue();
    assertThat(first.text()).hasSize(8);
    assertThat(r.next()).isEqualTo(new BoundedLineReader.Line(2, "next", false));
  }

  @Test
  void linesAcrossTheReadersBlocksAreWholeWithCrlfSplitBetweenBlocks() throws Exception {
    // the reader fills 64 Ki characters at a time: put a CR as the last character of the first
    // block and a line of 100,000 characters across the second and third
    String first = "a".repeat(64 * 1024 - 1);
    String long1 = "b".repeat(100_000);
    var r = new BoundedLineReader(new StringReader(first + "\r\n" + long1 + "\nend\n"), 200_000);
    assertThat(r.next()).isEqualTo(new BoundedLineReader.Line(1, first, false));
    assertThat(r.next()).isEqualTo(new BoundedLineReader.Line(2, long1, false));
    assertThat(r.next()).isEqualTo(new BoundedLineReader.Line(3, "end", false));
    assertThat(r.next()).isNull();
  }

  @Test
  void aLongLineAcrossBlocksIsCutAtTheMaximum() throws Exception {
    var r = new BoundedLineReader(new StringReader("y".repeat(150_000) + "\nz"), 70_000);
    var cut = r.next();
    assertThat(cut.tooLong()).isTrue();
    assertThat(cut.text()).isEqualTo("y".repeat(70_000));
    assertThat(r.next()).isEqualTo(new BoundedLineReader.Line(2, "z", false));
    assertThat(r.next()).isNull();
  }
}
