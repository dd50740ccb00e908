package org.openmiles.it;

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
import org.openmiles.it.Api.Res;

/**
 * Many clients at once on a handful of members: credits, debits, holds, captures (full and
 * partial), releases, and retries of earlier requests, some of them other clients' requests.
 * Afterwards every member's balance equals what the successful answers add up to, the invariants
 * hold, and every source reference had exactly one effect. Any 5xx answer fails the test.
 */
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
    List<String> members = new ArrayList<>();
    Map<String, AtomicLong> expected = new ConcurrentHashMap<>();
    for (int i = 0; i < MEMBERS; i++) {
      String m = setup.enroll("Concurrent " + (char) ('A' + i));
      members.add(m);
      assertThat(setup.credit(m, 20_000, "conc-seed-" + m).status()).isEqualTo(201);
      expected.put(m, new AtomicLong(20_000));
    }
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
}
