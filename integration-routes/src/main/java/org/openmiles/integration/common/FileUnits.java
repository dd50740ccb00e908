package org.openmiles.integration.common;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.openmiles.common.tx.TransactionRetry;
import org.openmiles.integration.bootstrap.ContainerWork;

/**
 * Runs each unit of one file's work (registering the file, a chunk, completing, refusing or failing
 * the file) as one container transaction (see {@link ContainerWork}), run again from the start if
 * PostgreSQL aborts it for a deadlock or a serialization failure (ADR 0023, 0028). Each unit writes
 * only to the database in its transaction, and a chunk run again finds what it finds in a first
 * run, so repeating it is safe. A conflict then no longer stops the file.
 */
final class FileUnits {
  private final Feed<?> feed;
  private final ContainerWork container;

  FileUnits(Feed<?> feed, ContainerWork container) {
    this.feed = feed;
    this.container = container;
  }

  /** Runs {@code work} as one retried transaction and returns its result. */
  <T> T run(Callable<T> work) throws IOException {
    try {
      return TransactionRetry.run(
          feed.senderLabel() + " file unit", () -> container.inTransaction(work));
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
