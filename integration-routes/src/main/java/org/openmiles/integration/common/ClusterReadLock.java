package org.openmiles.integration.common;

import java.nio.file.Path;
import org.apache.camel.spi.IdempotentRepository;
import org.openmiles.accrual.api.InboundPickUps;

/**
 * The repository behind Camel's idempotent read lock on every inbound folder (ADR 0032): before an
 * instance takes a file from {@code inbound/}, it takes the file's row in the database; of several
 * instances polling the same shared folders, one wins and the others skip the file. The row names
 * this instance's worker ({@link FileOwner}), so a file whose taker died is free again once that
 * worker's lease has run out, and never before.
 *
 * <p>Camel passes the file's absolute path: in {@code inbound/} when it takes the file, in {@code
 * processing/} when it gives it up (the move there happened in between). The row's key is the
 * feed's folder under the files root and the file's name ({@code partners/DEMO_HOTEL/x.csv}): the
 * same for both, and on every instance however the shared folders are mounted.
 */
public final class ClusterReadLock implements IdempotentRepository {
  private final InboundPickUps pickUps;
  private final FileOwner owner;
  private final FileSettings settings;

  public ClusterReadLock(InboundPickUps pickUps, FileOwner owner, FileSettings settings) {
    this.pickUps = pickUps;
    this.owner = owner;
    this.settings = settings;
  }

  /** The row's key of the file at {@code absolutePath}, in any folder of its feed. */
  String key(String absolutePath) {
    Path file = Path.of(absolutePath);
    return settings.folderKey(file.getParent().getParent()) + "/" + file.getFileName();
  }

  @Override
  public boolean add(String file) {
    return pickUps.take(owner.worker(), key(file), settings.leaseSeconds());
  }

  @Override
  public boolean contains(String file) {
    return pickUps.held(key(file));
  }

  @Override
  public boolean remove(String file) {
    pickUps.giveUp(owner.worker(), key(file));
    return true;
  }

  @Override
  public boolean confirm(String file) {
    return true;
  }

  @Override
  public void clear() {
    // the rows belong to the cluster, not to this instance's route
  }

  @Override
  public void start() {
    // nothing to open: every call is one statement on the application's data source
  }

  @Override
  public void stop() {
    // nothing to close
  }
}
