package org.openmiles.common.observability;

/** The name of this instance of the cluster, as log lines and job records give it. */
public final class Node {
  private Node() {}

  /**
   * {@code OPENMILES_NODE_NAME} (set by {@code ./openmiles run} and compose: app1, app2, ...), else
   * the host name and process id.
   */
  public static String name() {
    String named = System.getenv("OPENMILES_NODE_NAME");
    if (named != null && !named.isBlank()) {
      return named;
    }
    String host = System.getenv("HOSTNAME");
    return (host == null || host.isBlank() ? "localhost" : host)
        + "/"
        + ProcessHandle.current().pid();
  }
}
