package org.openmiles.accounts.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.logging.Logger;
import org.openmiles.accounts.api.ExpiryRunResult;
import org.openmiles.accounts.domain.ExpiryPolicy;

/**
 * The ledger's scheduled jobs, hold expiry and miles expiry: chunked, each chunk its own
 * transaction (see {@link LedgerChunks}), so a job of any size holds no lock for long.
 */
@Dependent
class LedgerJobs {
  private static final Logger LOG = Logger.getLogger(LedgerJobs.class.getName());
  static final int JOB_CHUNK = 500;

  @Inject LedgerChunks chunks;
  @jakarta.ejb.EJB ChunkTransactions chunkTx;

  int expireHolds(Instant now) {
    int total = 0;
    long after = 0;
    while (true) {
      long from = after;
      LedgerChunks.Chunk c =
          chunkTx.inNewTransaction(() -> chunks.expireHolds(now, from, JOB_CHUNK));
      total += c.count();
      if (c.scanned() < JOB_CHUNK) {
        break;
      }
      after = c.lastId();
    }
    int expired = total;
    if (expired > 0) {
      LOG.info(() -> "hold expiry as of " + now + ": " + expired + " holds expired");
    }
    return total;
  }

  ExpiryRunResult expireMiles(LocalDate asOf) {
    int members = 0;
    long miles = 0;
    ExpiryPolicy policy = chunks.policyOn(asOf);
    for (boolean lapsedPass : new boolean[] {false, true}) {
      if (lapsedPass && policy.kind() != ExpiryPolicy.Kind.INACTIVITY) {
        continue;
      }
      long after = 0;
      while (true) {
        long from = after;
        LedgerChunks.Chunk c =
            chunkTx.inNewTransaction(
                () ->
                    lapsedPass
                        ? chunks.expireLapsed(asOf, policy, from, JOB_CHUNK)
                        : chunks.expireDueLots(asOf, from, JOB_CHUNK));
        members += c.count();
        miles += c.miles();
        if (c.scanned() < JOB_CHUNK) {
          break;
        }
        after = c.lastId();
      }
    }
    ExpiryRunResult r = new ExpiryRunResult(asOf, members, miles);
    LOG.info(
        () ->
            "miles expiry as of "
                + asOf
                + ": "
                + r.milesExpired()
                + " miles from "
                + r.membersAffected()
                + " members");
    return r;
  }
}
