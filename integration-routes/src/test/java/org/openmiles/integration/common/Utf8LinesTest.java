package org.openmiles.integration.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8LinesTest {
  @TempDir Path dir;

  private Path file(byte[] bytes) throws Exception {
    Path f = dir.resolve("f.csv");
    Files.write(f, bytes);
    return f;
  }

  @Test
  void theLineOfTheFirstBadByteFarIntoTheFile() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 1; i < 50_000; i++) {
      // 'ễ' is three bytes: some of them straddle the reader's 64 KiB blocks, and are fine
      out.write(("D,line " + i + ",Nguyễn\n").getBytes(StandardCharsets.UTF_8));
    }
    out.write("D,line 50000,caf".getBytes(StandardCharsets.UTF_8));
    out.write(0xE9); // Latin-1 'é'
    out.write("\nT,1,1\n".getBytes(StandardCharsets.UTF_8));
    assertThat(Utf8Lines.firstBadLine(file(out.toByteArray()))).isEqualTo(50_000);
  }

  @Test
  void aValidFileHasNoBadLine() throws Exception {
    assertThat(Utf8Lines.firstBadLine(file("H\nD,Nguyễn\n".getBytes(StandardCharsets.UTF_8))))
        .isZero();
  }

  @Test
  void aCutOffSequenceAtTheEndIsOnTheLastLine() throws Exception {
    byte[] ok = "H\nD,x\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[ok.length + 1];
    System.arraycopy(ok, 0, bad, 0, ok.length);
    bad[ok.length] = (byte) 0xE1; // the first byte of a three-byte sequence, nothing after it
    assertThat(Utf8Lines.firstBadLine(file(bad))).isEqualTo(3);
  }
}
