package org.openmiles.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Api.Res;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.Deployments;

/**
 * Many clients at once on a handful of members: credits, debits, holds, captures (full and
 * partial), releases, and retries of earlier requests, some of them other clients' requests.
 * Afterwards every member's balance equals what the successful answers add up to, the invariants
 * hold, and every source reference had exactly one effect. Any 5xx answer fails the test.
 */
// on a server of its own, not the shared one (ADR 0046): it ends every database session of the
// server and loads it for minutes, which the classes after it would inherit
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerConcurrencyIT {
  private static final int THREADS = 16;
  private static final int OPS_PER_THREAD = 500;
  private static final int MEMBERS = 5;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.openmiles();
  }

  @ArquillianResource URL url;

  /** A request that succeeded, kept so that any client may retry it later. */
  record Done(String member, String ref, long miles, boolean credit) {}

  /** A hold a client placed and has not resolved yet. */
  record OpenHold(String member, String ref, long miles) {}

  @Test
  void concurrentMixedOperationsKeepEveryMileAccountedFor() throws Exception {
    Api setup = new Api(url);
    Map<String, AtomicLong> expected = new ConcurrentHashMap<>();
    List<String> members = seeded(setup, MEMBERS, "Concurrent", 20_000, expected);
    List<Done> done = new CopyOnWriteArrayList<>();
    List<String> serverErrors = new CopyOnWriteArrayList<>();
    List<String> refused = new CopyOnWriteArrayList<>();
    Map<String, OpenHold> openHolds = new ConcurrentHashMap<>();
    String run = Api.unique();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                Api api = new Api(url);
                Random rnd = new Random(1_000L + thread);
                List<OpenHold> mine = new ArrayList<>();
                for (int op = 0; op < OPS_PER_THREAD; op++) {
                  String m = members.get(rnd.nextInt(MEMBERS));
                  String ref = "conc-" + run + "-" + thread + "-" + op;
                  int dice = rnd.nextInt(100);
                  Res r;
                  if (dice < 30) {
                    long miles = 100 + rnd.nextInt(900);
                    r = api.credit(m, miles, ref);
                    if (r.status() == 201) {
                      expected.get(m).addAndGet(miles);
                      done.add(new Done(m, ref, miles, true));
                    }
                  } else if (dice < 45) {
                    long miles = 100 + rnd.nextInt(1_500);
                    r = api.debit(m, miles, ref);
                    if (r.status() == 201) {
                      expected.get(m).addAndGet(-miles);
                      done.add(new Done(m, ref, miles, false));
                    }
                  } else if (dice < 60) {
                    long miles = 200 + rnd.nextInt(2_000);
                    r = api.hold(m, miles, ref, 3_600);
                    if (r.status() == 201) {
                      OpenHold h = new OpenHold(m, ref, miles);
                      mine.add(h);
                      openHolds.put(ref, h);
                    }
                  } else if (dice < 80 && !mine.isEmpty()) {
                    OpenHold h = mine.remove(rnd.nextInt(mine.size()));
                    long miles = rnd.nextBoolean() ? h.miles() : 1 + rnd.nextInt((int) h.miles());
                    r = api.capture(h.ref(), miles);
                    if (r.status() == 200) {
                      expected.get(h.member()).addAndGet(-miles);
                      openHolds.remove(h.ref());
                      // a retry of the same capture must change nothing
                      Res again = api.capture(h.ref(), miles);
                      if (again.status() != 200) {
                        refused.add("retried capture: " + again);
                      }
                    }
                  } else if (dice < 88 && !mine.isEmpty()) {
                    OpenHold h = mine.remove(rnd.nextInt(mine.size()));
                    r = api.release(h.ref());
                    if (r.status() == 200) {
                      openHolds.remove(h.ref());
                    }
                  } else if (!done.isEmpty()) {
                    Done d = done.get(rnd.nextInt(done.size()));
                    r =
                        d.credit()
                            ? api.credit(d.member(), d.miles(), d.ref())
                            : api.debit(d.member(), d.miles(), d.ref());
                    if (r.status() != 200 || !r.json().getBoolean("replayed")) {
                      refused.add("retry of " + d.ref() + " was not a replay: " + r);
                    }
                  } else {
                    continue;
                  }
                  if (r.status() >= 500) {
                    serverErrors.add(r.toString());
                  } else if (r.status() >= 400
                      && !List.of("INSUFFICIENT_MILES").contains(r.code())) {
                    refused.add(r.toString());
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(serverErrors).as("server errors").isEmpty();
    assertThat(refused).as("unexpected refusals").isEmpty();
    Api api = new Api(url);
    for (String m : members) {
      var b = api.balance(m).json();
      long held =
          openHolds.values().stream()
              .filter(h -> h.member().equals(m))
              .mapToLong(OpenHold::miles)
              .sum();
      assertThat(b.getJsonNumber("balance").longValue())
          .as("balance of " + m)
          .isEqualTo(expected.get(m).get());
      assertThat(b.getJsonNumber("held").longValue()).as("held of " + m).isEqualTo(held);
      assertThat(b.getJsonNumber("available").longValue()).isNotNegative();
    }
    assertThat(
            Db.count(
                "select count(*) from (select source_ref from accounts.ledger_entry"
                    + " where source_ref like ? group by source_ref having count(*) > 1) d",
                "conc-" + run + "%"))
        .isZero();
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref like ?"
                    + " and entry_type in ('CREDIT', 'DEBIT')",
                "conc-" + run + "%"))
        .isEqualTo(done.size());
    assertThat(Db.invariantViolations()).isEmpty();
    assertThat(done.size())
        .as("enough work actually happened")
        .isGreaterThan(THREADS * OPS_PER_THREAD / 5);
  }

  // --- mixed load with Cash & Miles and a liability reader (issue 16)

  /**
   * The mixed load ({@link MixedLoad}) on this server: 32 clients with Cash &amp; Miles, a reader
   * of the liability, no 5xx, every balance the answers' sum, every invariant.
   */
  @Test
  void mixedLoadWithCashAndMilesKeepsEveryStatementsViewOfTheLedgerConsistent() throws Exception {
    MixedLoad.run(url);
  }

  /**
   * Issue 16: while the database refuses connections (the test database closed to new connections
   * and the application's sessions ended, as the superuser), a read and a write answer 503
   * problem+json {@code DATABASE_UNAVAILABLE} with {@code Retry-After} and a message for the
   * client, never a 500; once the database takes connections again, the same server answers as
   * before, and the write refused during the outage had no effect.
   */
  @Test
  void whileTheDatabaseRefusesConnectionsTheApiAnswers503AndRecoversWhenItIsBack()
      throws Exception {
    Api api = new Api(url);
    String member = api.enroll("Outage");
    assertThat(api.credit(member, 100, "outage-before-" + member).status()).isEqualTo(201);
    String db = Db.databaseName();
    Res read;
    Res write;
    try (java.sql.Connection admin = Db.connectAsSuperuser();
        java.sql.Statement st = admin.createStatement()) {
      try {
        st.execute("alter database \"" + db + "\" allow_connections false");
        st.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                + db
                + "' and pid <> pg_backend_pid()");
        read = api.balance(member);
        write = api.credit(member, 50, "outage-during-" + member);
      } finally {
        st.execute("alter database \"" + db + "\" allow_connections true");
      }
    }
    for (Res r : List.of(read, write)) {
      assertThat(r.status()).as(r.toString()).isEqualTo(503);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.code()).isEqualTo("DATABASE_UNAVAILABLE");
      assertThat(r.retryAfter()).as("Retry-After").matches("[1-9][0-9]*");
      assertThat(r.str("detail"))
          .contains("database")
          .doesNotContainIgnoringCase("exception")
          .doesNotContain("SQL", "org.", "java.", "FATAL");
      assertThat(r.str("incident")).isNotBlank();
    }
    Res after = api.balance(member);
    for (int i = 0; i < 240 && after.status() == 503; i++) {
      Thread.sleep(250); // the pool replaces the connections the outage ended
      after = api.balance(member);
    }
    assertThat(after.status()).as(after.toString()).isEqualTo(200);
    assertThat(after.num("balance")).as("the write during the outage had no effect").isEqualTo(100);
    assertThat(api.credit(member, 50, "outage-during-" + member).status()).isEqualTo(201);
    assertThat(api.balance(member).num("balance")).isEqualTo(150);
  }

  /**
   * {@code count} new members with {@code miles} each, their balances noted in {@code expected}.
   */
  static List<String> seeded(
      Api api, int count, String lastName, long miles, Map<String, AtomicLong> expected) {
    List<String> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String m = api.enroll(lastName + " " + (char) ('A' + i));
      members.add(m);
      assertThat(api.credit(m, miles, "seed-" + Api.unique() + "-" + m).status()).isEqualTo(201);
      expected.put(m, new AtomicLong(miles));
    }
    return members;
  }
}
