package org.openmiles.integration.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openmiles.accrual.api.InboundPickUps;

/**
 * Pick-ups in memory for route tests, with the liveness of {@link InMemoryFileOwnership}'s workers,
 * as {@code JdbcInboundPickUps} has it from {@code accrual.file_worker}.
 */
public class InMemoryPickUps implements InboundPickUps {
  private final InMemoryFileOwnership workers;
  private final Map<String, String> held = new ConcurrentHashMap<>();

  public InMemoryPickUps(InMemoryFileOwnership workers) {
    this.workers = workers;
  }

  @Override
  public synchronized boolean take(String worker, String fileKey, int leaseSeconds) {
    String holder = held.get(fileKey);
    if (holder != null && workers.alive(holder)) {
      return false;
    }
    held.put(fileKey, worker);
    return true;
  }

  @Override
  public boolean held(String fileKey) {
    return held.containsKey(fileKey);
  }

  @Override
  public void giveUp(String worker, String fileKey) {
    held.remove(fileKey, worker);
  }

  /** The files held, by key, with their holders. */
  public Map<String, String> all() {
    return Map.copyOf(held);
  }
}
