package org.openmiles.common.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  private static SQLException state(String sqlState) {
    return new SQLException("failed", sqlState);
  }

  /** As the ledger, JDBC helper and transaction manager wrap a driver's exception. */
  private static RuntimeException wrapped(Throwable cause) {
    return new IllegalStateException(
        "outer", new RuntimeException("ledger statement failed", cause));
  }

  @Test
  void deadlocksAndSerializationFailuresAreRetryableWhereverTheyAreInTheChain() {
    assertThat(DatabaseFailures.isRetryable(state("40P01"))).isTrue();
    assertThat(DatabaseFailures.isRetryable(wrapped(state("40001")))).isTrue();
    assertThat(DatabaseFailures.isRetryable(wrapped(state("23505")))).isFalse();
    assertThat(DatabaseFailures.isRetryable(wrapped(state("08006")))).isFalse();
    assertThat(DatabaseFailures.isRetryable(new IllegalStateException("no SQL"))).isFalse();
    SQLException batch = new SQLException("batch entry 0 failed", "XX000");
    batch.setNextException(state("40P01"));
    assertThat(DatabaseFailures.isRetryable(batch)).as("chained next exception").isTrue();
  }

  @Test
  void connectionFailuresShutdownsAndAnEmptyPoolMeanTheDatabaseIsUnavailable() {
    assertThat(DatabaseFailures.isUnavailable(wrapped(state("08001")))).isTrue();
    assertThat(DatabaseFailures.isUnavailable(wrapped(state("08006")))).isTrue();
    assertThat(DatabaseFailures.isUnavailable(state("57P01"))).isTrue();
    assertThat(DatabaseFailures.isUnavailable(state("57P02"))).isTrue();
    assertThat(DatabaseFailures.isUnavailable(state("57P03"))).isTrue();
    assertThat(DatabaseFailures.isUnavailable(new SQLTransientConnectionException("timeout")))
        .isTrue();
    assertThat(
            DatabaseFailures.isUnavailable(
                wrapped(
                    new SQLException(
                        "Error in allocating a connection. Cause: Connection could not be"
                            + " allocated because: Connection refused"))))
        .as("Payara's pool")
        .isTrue();
    assertThat(DatabaseFailures.isUnavailable(wrapped(new PoolingException()))).isTrue();
  }

  @Test
  void otherFailuresAreNeitherRetryableNorUnavailable() {
    for (Throwable t :
        new Throwable[] {
          wrapped(state("23505")),
          wrapped(state("57014")), // query_canceled
          wrapped(state("P0001")), // raised by a trigger
          new IllegalStateException("bug"),
        }) {
      assertThat(DatabaseFailures.isUnavailable(t)).as(t.toString()).isFalse();
      assertThat(DatabaseFailures.isRetryable(t)).as(t.toString()).isFalse();
    }
  }

  @Test
  void aCyclicCauseChainEnds() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertThat(DatabaseFailures.isRetryable(a)).isFalse();
    assertThat(DatabaseFailures.isUnavailable(a)).isFalse();
  }

  /** Named like the container pool's exception, which the classification matches by name. */
  static final class PoolingException extends Exception {
    private static final long serialVersionUID = 1L;
  }
}
