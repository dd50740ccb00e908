package org.openmiles.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.openmiles.common.observability.Correlation;

class LogFieldsTest {

  /** Keeps what it would publish, after its filter, as a server handler does. */
  static final class Kept extends Handler {
    final List<LogRecord> records = new ArrayList<>();

    @Override
    public void publish(LogRecord r) {
      if (isLoggable(r)) {
        records.add(r);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void addsTheNodeAndTheThreadsCorrelationIdAsTheLastParameter() {
    Kept h = new Kept();
    h.setFilter(new LogFields("app2", null));
    LogRecord r = new LogRecord(Level.INFO, "file {0}: {1} records");
    r.setParameters(new Object[] {"a.csv", 3});
    try (Correlation.Scope s = Correlation.open("file-abc")) {
      h.publish(r);
    }
    h.publish(new LogRecord(Level.INFO, "no work on this thread"));

    Object[] first = h.records.get(0).getParameters();
    assertThat(first).hasSize(3);
    assertThat(first[2]).isEqualTo(Map.of("Node", "app2", "CorrelationId", "file-abc"));
    // the message's own parameters still format as before
    assertThat(new SimpleFormatter().formatMessage(h.records.get(0)))
        .isEqualTo("file a.csv: 3 records");
    assertThat(h.records.get(1).getParameters()).containsExactly(Map.of("Node", "app2"));
  }

  @Test
  void keepsTheFilterItReplacesAndAddsOnce() {
    Kept h = new Kept();
    h.setFilter(new LogFields("app1", r -> r.getLevel().intValue() >= Level.WARNING.intValue()));
    h.publish(new LogRecord(Level.INFO, "dropped by the filter before"));
    LogRecord warning = new LogRecord(Level.WARNING, "kept");
    h.publish(warning);
    h.publish(warning); // a second handler sees the same record
    assertThat(h.records).hasSize(2);
    assertThat(warning.getParameters()).hasSize(1);
  }
}
