package org.openmiles.common.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.interceptor.InvocationContext;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.TransactionalException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetriedTransactionInterceptorTest {

  private static final RuntimeException DEADLOCK =
      new IllegalStateException(
          "cannot lock accounts", new SQLException("deadlock detected", "40P01"));

  /** An interceptor that sees a transaction active ({@code key} not null) or none. */
  private static RetriedTransactionInterceptor interceptor(Object transactionKey) {
    RetriedTransactionInterceptor i = new RetriedTransactionInterceptor();
    i.registry =
        (TransactionSynchronizationRegistry)
            Proxy.newProxyInstance(
                TransactionSynchronizationRegistry.class.getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getTransactionKey")) {
                    return transactionKey;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return i;
  }

  /** A call whose every proceed() runs {@code body}. */
  private static InvocationContext call(Callable<Object> body) throws NoSuchMethodException {
    Method method = Callable.class.getMethod("call");
    return (InvocationContext)
        Proxy.newProxyInstance(
            InvocationContext.class.getClassLoader(),
            new Class<?>[] {InvocationContext.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "proceed" -> body.call();
                  case "getMethod" -> method;
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }

  /** A call that counts its attempts and fails each with {@code failure}. */
  private static InvocationContext failing(AtomicInteger attempts, RuntimeException failure)
      throws NoSuchMethodException {
    return call(
        () -> {
          attempts.incrementAndGet();
          throw failure;
        });
  }

  @Test
  void anOutermostCallAbortedByADeadlockRunsAgainUntilItCommits() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    Object answer =
        interceptor(null)
            .retry(
                call(
                    () -> {
                      if (attempts.incrementAndGet() < 3) {
                        throw DEADLOCK;
                      }
                      return "done";
                    }));
    assertThat(answer).isEqualTo("done");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void retriesAreBoundedAndTheLastFailureIsPassedOn() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    InvocationContext always = failing(attempts, DEADLOCK);
    assertThatThrownBy(() -> interceptor(null).retry(always)).isSameAs(DEADLOCK);
    assertThat(attempts).hasValue(RetriedTransactionInterceptor.ATTEMPTS);
  }

  @Test
  void aCallInsideAnotherTransactionIsNeverRetried() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    InvocationContext nested = failing(attempts, DEADLOCK);
    assertThatThrownBy(() -> interceptor("outer tx").retry(nested)).isSameAs(DEADLOCK);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aCallNestedInARetriedCallIsRetriedOnlyByTheOuterOne() throws Exception {
    RetriedTransactionInterceptor i = interceptor(null);
    AtomicInteger inner = new AtomicInteger();
    AtomicInteger outer = new AtomicInteger();
    InvocationContext innerCall = failing(inner, DEADLOCK);
    InvocationContext outerCall =
        call(
            () -> {
              outer.incrementAndGet();
              return i.retry(innerCall);
            });
    assertThatThrownBy(() -> i.retry(outerCall)).isSameAs(DEADLOCK);
    assertThat(outer).hasValue(RetriedTransactionInterceptor.ATTEMPTS);
    assertThat(inner).hasValue(RetriedTransactionInterceptor.ATTEMPTS);
  }

  @Test
  void otherFailuresAreNotRetried() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    IllegalArgumentException bug = new IllegalArgumentException("bug");
    InvocationContext failing = failing(attempts, bug);
    assertThatThrownBy(() -> interceptor(null).retry(failing)).isSameAs(bug);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aFailedCommitLeavesAsTransactionNotCommitted() throws Exception {
    RollbackException refused = new RollbackException("commit refused by a deferred trigger");
    InvocationContext commitFails =
        call(
            () -> {
              throw new TransactionalException("rolled back", refused);
            });
    assertThatThrownBy(() -> interceptor(null).retry(commitFails))
        .isInstanceOf(TransactionNotCommittedException.class)
        .hasCause(refused);
  }

  @Test
  void pausesAreRandomAndGrowWithTheAttempt() {
    for (int k = 0; k < 200; k++) {
      assertThat(RetriedTransactionInterceptor.pauseBefore(2)).isBetween(1L, 20L);
      assertThat(RetriedTransactionInterceptor.pauseBefore(4)).isBetween(1L, 80L);
    }
  }
}
