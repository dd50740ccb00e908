package org.openmiles.app.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.openmiles.common.observability.Correlation;

/**
 * Adds the fields operations search by to every log record the server's handlers publish (ADR
 * 0035): {@code Node}, the instance that wrote it, and {@code CorrelationId}, the id of the
 * request, file or job the thread was working on. Payara's JSON formatter ({@code
 * config/logging.properties}) writes the entries of a record's {@code Map} parameter as fields of
 * the line; the text formatter ignores them.
 *
 * <p>A {@link Filter} on the root logger's handlers, because it runs on the thread that logs (so it
 * sees that thread's correlation id) and lets every record through; {@link #install()} keeps the
 * filters it replaces and {@link #uninstall()} puts them back when the application stops.
 */
final class LogFields implements Filter {
  static final String NODE = "Node";
  static final String CORRELATION_ID = "CorrelationId";

  private final String node;
  private final Filter before;

  LogFields(String node, Filter before) {
    this.node = node;
    this.before = before;
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (before != null && !before.isLoggable(record)) {
      return false;
    }
    Object[] params = record.getParameters();
    if (params != null && params.length > 0 && params[params.length - 1] instanceof Fields) {
      return true; // another handler's filter added them already
    }
    Fields fields = new Fields();
    fields.put(NODE, node);
    Correlation.current().ifPresent(id -> fields.put(CORRELATION_ID, id));
    Object[] more = params == null ? new Object[1] : Arrays.copyOf(params, params.length + 1);
    more[more.length - 1] = fields;
    record.setParameters(more);
    return true;
  }

  /** Puts a filter on each of the root logger's handlers; the ones installed. */
  static List<Handler> install(String node) {
    List<Handler> done = new ArrayList<>();
    for (Handler h : Logger.getLogger("").getHandlers()) {
      if (!(h.getFilter() instanceof LogFields)) {
        h.setFilter(new LogFields(node, h.getFilter()));
        done.add(h);
      }
    }
    return done;
  }

  /** Puts back the filters {@link #install(String)} replaced on {@code handlers}. */
  static void uninstall(List<Handler> handlers) {
    for (Handler h : handlers) {
      if (h.getFilter() instanceof LogFields f) {
        h.setFilter(f.before);
      }
    }
  }

  /** The fields of one record, in the order written. */
  static final class Fields extends LinkedHashMap<String, String> {
    private static final long serialVersionUID = 1L;
  }
}
