package org.openmiles.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class Sha256Test {
  @Test
  void theKnownVectorsOfFips180() {
    assertThat(Sha256.hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.hex(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void textIsHashedAsUtf8AndPiecesAsAWhole() {
    MessageDigest d = Sha256.newDigest();
    d.update("Hà ".getBytes(StandardCharsets.UTF_8));
    d.update("Nội".getBytes(StandardCharsets.UTF_8));
    assertThat(Sha256.hex(d)).isEqualTo(Sha256.hex("Hà Nội")).hasSize(64);
    assertThat(Sha256.of("Hà Nội")).hasSize(32);
  }
}
