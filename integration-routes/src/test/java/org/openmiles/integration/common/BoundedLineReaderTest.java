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
}
