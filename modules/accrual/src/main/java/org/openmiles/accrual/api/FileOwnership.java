package org.openmiles.accrual.api;

import java.util.Map;

/**
 * Who works on which inbound file, kept in the database so that it survives the process that works
 * on it (ADR 0024). Every instance that runs the file routes is a <em>worker</em> with a lease it
 * renews; before it processes a file it <em>claims</em> it, by folder and name. A file whose
 * claim's worker let its lease run out (the process died) may be taken back by any live worker, and
 * only then: a live worker's file is never taken. Times are the database's, so the workers' clocks
 * do not matter.
 */
public interface FileOwnership {

  /** A claim on a file and whether its worker's lease still runs. */
  record Claim(String worker, boolean alive) {}

  /** Starts or renews the lease of {@code worker} for {@code leaseSeconds} from now. */
  void renew(String worker, String host, int leaseSeconds);

  /** Claims {@code fileName} in {@code folder} for {@code worker}, replacing any earlier claim. */
  void claim(String worker, String folder, String fileName);

  /** Drops the claim of {@code worker} on the file (it is done with it). */
  void release(String worker, String folder, String fileName);

  /** The claims on files of {@code folder}, by file name. */
  Map<String, Claim> claims(String folder, int leaseSeconds);

  /**
   * Takes the file over from {@code deadWorker} for {@code worker}, if that worker's lease has run
   * out and the claim is still its: true when this caller won (one caller wins, whatever the number
   * of instances), and the claim is then {@code worker}'s.
   */
  boolean takeOver(
      String worker, String folder, String fileName, String deadWorker, int leaseSeconds);
}
