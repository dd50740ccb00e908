package org.openmiles.accrual.api;

/**
 * Which instance takes which new file from an {@code inbound/} folder, kept in the database so that
 * several instances can serve the same folders (ADR 0032). A file is <em>taken</em> by one live
 * worker of {@link FileOwnership}; every other instance leaves it alone until it is given up. A
 * pick-up whose worker's lease ran out (the process died) may be taken by any live worker, so no
 * file is ever held by a dead process.
 */
public interface InboundPickUps {

  /**
   * Takes {@code fileKey} for {@code worker}: true when it was free, or held by a worker whose
   * lease of {@code leaseSeconds} ran out; false while another live worker (or this one) holds it.
   */
  boolean take(String worker, String fileKey, int leaseSeconds);

  /** Whether anybody holds {@code fileKey}. */
  boolean held(String fileKey);

  /**
   * Gives up the pick-up of {@code worker} on {@code fileKey}: the file left inbound/, or stays.
   */
  void giveUp(String worker, String fileKey);
}
