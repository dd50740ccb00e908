package org.openmiles.integration.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openmiles.accrual.api.FileOwnership;

/** File ownership in memory for route tests: every worker it saw renew is alive, unless killed. */
public class InMemoryFileOwnership implements FileOwnership {
  private final Map<String, Boolean> workers = new ConcurrentHashMap<>();
  private final Map<String, String> claims = new ConcurrentHashMap<>();

  /** The worker's lease runs out now. */
  public void kill(String worker) {
    workers.put(worker, false);
  }

  /** Whether the worker renewed its lease and was not killed since. */
  public boolean alive(String worker) {
    return workers.getOrDefault(worker, false);
  }

  @Override
  public void renew(String worker, String host, int leaseSeconds) {
    workers.putIfAbsent(worker, true);
  }

  @Override
  public void claim(String worker, String folder, String fileName) {
    claims.put(folder + "/" + fileName, worker);
  }

  @Override
  public void release(String worker, String folder, String fileName) {
    claims.remove(folder + "/" + fileName, worker);
  }

  @Override
  public Map<String, Claim> claims(String folder, int leaseSeconds) {
    Map<String, Claim> out = new ConcurrentHashMap<>();
    claims.forEach(
        (k, w) -> {
          if (k.startsWith(folder + "/")) {
            out.put(k.substring(folder.length() + 1), new Claim(w, workers.getOrDefault(w, false)));
          }
        });
    return out;
  }

  @Override
  public boolean takeOver(
      String worker, String folder, String fileName, String deadWorker, int leaseSeconds) {
    return !workers.getOrDefault(deadWorker, false)
        && claims.replace(folder + "/" + fileName, deadWorker, worker);
  }
}
