package org.openmiles.common.jdbc;

import java.util.function.IntSupplier;

/** Work done a chunk at a time (a purge of old rows), each chunk its own transaction. */
public final class Chunks {
  private Chunks() {}

  /**
   * Runs {@code chunk} (which handles at most {@code size} rows and answers how many it did) until
   * one comes back short: the rows handled in all.
   */
  public static int untilShort(IntSupplier chunk, int size) {
    int total = 0;
    int n;
    do {
      n = chunk.getAsInt();
      total += n;
    } while (n == size);
    return total;
  }
}
