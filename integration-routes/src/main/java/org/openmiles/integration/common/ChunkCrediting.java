package org.openmiles.integration.common;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.accrual.api.InboundFileSink;
import org.openmiles.common.observability.Correlation;

/**
 * The chunks of one file on their way to the sink, credited by up to {@link
 * FileSettings#creditThreads()} threads, so that parsing and the application's work on one chunk
 * overlap with the database's work on another (ADR 0014). What keeps this equal to crediting one
 * chunk after the other:
 *
 * <ul>
 *   <li>Each chunk is still one transaction of the sink (records, ledger entries, one {@code
 *       MilesPosted}), so exactly-once rests on the same unique keys as before, and a crash leaves
 *       whole chunks committed; a resumed run recognises every committed record by its file and
 *       line, whichever chunks made it.
 *   <li>A chunk never runs beside an earlier chunk that has a record with the same identity (the
 *       feed's {@link Feed#identity}: partner transaction id, ticket + coupon): it waits until that
 *       chunk has committed, so a record repeated across chunks is found by the later line as in a
 *       sequential run, never the other way round.
 *   <li>Results are taken in file order: the reject file, the summary and the ack are written
 *       exactly as before.
 *   <li>Chunks running side by side lock ledger accounts in member id order (the ledger's rule), so
 *       they wait for each other rather than deadlock. Should they still collide elsewhere (a
 *       deadlock PostgreSQL breaks, for instance), the failed chunk has rolled back whole: it is
 *       credited again alone, after the chunks around it finished; only a second failure stops the
 *       file.
 * </ul>
 *
 * Memory stays bounded: at most {@code threads} chunks are in flight besides the one being read.
 *
 * @param <R> the feed's detail record
 */
final class ChunkCrediting<R> implements AutoCloseable {
  // the file pipeline's log, under the name it had before the pipeline was split in classes
  private static final Logger LOG = Logger.getLogger(TwoPassFileProcessor.class.getName());

  private final InboundFileSink<R> sink;
  private final FileUnits units;
  private final long fileId;
  private final OutboundFiles.RejectWriter rejects;
  private final int threads;
  private final ExecutorService pool;
  private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
  private FileSummary summary = FileSummary.empty();

  /** A chunk handed to a crediting thread, with what its results are written with. */
  private final class InFlight {
    final List<R> work;
    final Set<String> identities;
    final Map<Long, ActivityResult> badLines;
    final Map<Long, String> originals;
    final Future<List<ActivityResult>> future;

    InFlight(
        List<R> work,
        Set<String> identities,
        Map<Long, ActivityResult> badLines,
        Map<Long, String> originals) {
      this.work = work;
      this.identities = identities;
      this.badLines = badLines;
      this.originals = originals;
      this.future =
          work.isEmpty()
              ? CompletableFuture.completedFuture(List.of())
              : pool == null
                  ? completedNow(work)
                  : pool.submit(Correlation.carriedTo(() -> creditChunk(work)));
    }
  }

  /** Credits into the file {@code fileId}; rejected records are written to {@code rejects}. */
  ChunkCrediting(
      InboundFileSink<R> sink,
      FileUnits units,
      long fileId,
      OutboundFiles.RejectWriter rejects,
      FileSettings settings) {
    this.sink = sink;
    this.units = units;
    this.fileId = fileId;
    this.rejects = rejects;
    this.threads = settings.creditThreads();
    this.pool =
        threads == 1 ? null : Executors.newFixedThreadPool(threads, settings.creditThreadFactory());
  }

  private List<ActivityResult> creditChunk(List<R> work) throws IOException {
    return units.run(() -> sink.credit(fileId, work));
  }

  /** One thread: credit right away, failures included (as a failed future). */
  private Future<List<ActivityResult>> completedNow(List<R> work) {
    CompletableFuture<List<ActivityResult>> f = new CompletableFuture<>();
    try {
      f.complete(creditChunk(work));
    } catch (Exception e) {
      f.completeExceptionally(e);
    }
    return f;
  }

  /**
   * Hands over a chunk, with the lines already rejected among it and the original text of each line
   * by number (the caller starts new collections afterwards).
   */
  void submit(
      List<R> chunk,
      Map<Long, ActivityResult> badLines,
      Map<Long, String> originals,
      Set<String> identities)
      throws IOException {
    while (!inFlight.isEmpty() && (inFlight.size() >= threads || sharesRecords(identities))) {
      takeOldest();
    }
    inFlight.addLast(new InFlight(List.copyOf(chunk), identities, badLines, originals));
    if (pool == null) {
      takeOldest();
    }
  }

  private boolean sharesRecords(Set<String> identities) {
    for (InFlight f : inFlight) {
      for (String id : identities) {
        if (f.identities.contains(id)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Waits for the oldest chunk, writes its rejects and adds it to the summary. */
  private void takeOldest() throws IOException {
    InFlight f = inFlight.removeFirst();
    List<ActivityResult> results;
    try {
      results = f.future.get();
    } catch (ExecutionException e) {
      if (pool == null) { // one thread: the chunk ran alone, its failure stops the file
        throw rethrown(e.getCause());
      }
      // rolled back whole: credit it again alone, once the chunks beside it are done
      awaitAll();
      LOG.info(
          () -> "chunk failed beside another one (" + e.getCause() + "); crediting it again alone");
      results = creditChunk(f.work);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while crediting");
    }
    Map<Long, ActivityResult> all = new TreeMap<>(f.badLines);
    for (ActivityResult r : results) {
      all.put(r.lineNumber(), r);
    }
    for (ActivityResult r : all.values()) {
      summary = summary.plus(r);
      if (r.outcome() == ActivityResult.Outcome.REJECTED) {
        rejects.reject(r.lineNumber(), r.code(), r.reason(), f.originals.get(r.lineNumber()));
      }
    }
  }

  private static IOException rethrown(Throwable cause) throws IOException {
    if (cause instanceof IOException io) {
      throw io;
    }
    if (cause instanceof RuntimeException re) {
      throw re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException(cause);
  }

  /** Waits until no chunk is running (results stay to be taken in order). */
  private void awaitAll() {
    for (InFlight other : inFlight) {
      try {
        other.future.get();
      } catch (ExecutionException e) {
        // taken (and retried) in its turn
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Takes the results of every chunk still in flight; answers the file's counts. */
  FileSummary finish() throws IOException {
    while (!inFlight.isEmpty()) {
      takeOldest();
    }
    return summary;
  }

  /** Never leaves a chunk running after the file is given up: waits for them, then stops. */
  @Override
  public void close() {
    awaitAll();
    if (pool != null) {
      pool.shutdown();
    }
  }
}
