package org.openmiles.common.observability;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.function.LongPredicate;

/** The name of this instance of the cluster, as log lines and job records give it. */
public final class Node {
  private Node() {}

  /**
   * {@code OPENMILES_NODE_NAME} (set by {@code ./openmiles run} and the cluster tests: app1, app2,
   * ...), else the host name and process id (in compose, the container's host name).
   */
  public static String name() {
    String named = System.getenv("OPENMILES_NODE_NAME");
    if (named != null && !named.isBlank()) {
      return named;
    }
    return host() + "/" + ProcessHandle.current().pid();
  }

  private static String host() {
    String host = System.getenv("HOSTNAME");
    return host == null || host.isBlank() ? "localhost" : host;
  }

  /**
   * Whether the node that started some work at {@code startedAt} is certainly gone, so the work
   * died with it and may be taken over at once instead of after a staleness timeout: this very node
   * started before the current process did (it was restarted), or a process of this host (a {@code
   * host/pid} name) that no longer exists. Nodes of other hosts are never declared gone here.
   */
  public static boolean isGone(String node, Instant startedAt) {
    return isGone(
        node,
        startedAt,
        name(),
        host(),
        Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()),
        pid -> ProcessHandle.of(pid).isPresent());
  }

  static boolean isGone(
      String node,
      Instant startedAt,
      String self,
      String host,
      Instant processStart,
      LongPredicate alive) {
    if (node == null) {
      return false;
    }
    if (node.equals(self)) {
      return startedAt != null && startedAt.isBefore(processStart);
    }
    String prefix = host + "/";
    if (node.startsWith(prefix)) {
      try {
        return !alive.test(Long.parseLong(node.substring(prefix.length())));
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return false;
  }
}
