package org.openmiles.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.ConsoleForms;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.Edge;
import org.openmiles.it.support.ServerProcess;
import org.openmiles.it.support.Tokens;

/**
 * Issue 18: two OpenMiles instances on one database and one set of file folders act as one system.
 * Files dropped into the shared folders are each processed by one instance, and a file whose
 * instance is killed half-way is finished by the other one, without any restart (ADR 0032); work
 * owed after a commit survives the instance that committed (the outbox, ADR 0033); and clients
 * spread over both instances by the edge cannot spend one member's miles twice. Not an Arquillian
 * test: it runs the instances itself, because it kills them. Each test kills one instance; the next
 * test takes on the one left running and starts only the other (starts are most of the time here),
 * in the order below, so that the outbox test, which must run without any other instance, comes
 * first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  /** A dead instance's files are free again after this many seconds. */
  private static final int LEASE = 10;

  /** A cluster instance's settings: scheduled jobs on. */
  private static final Consumer<Map<String, String>> JOBS =
      env -> env.put("OPENMILES_JOBS_ENABLED", "true");

  @TempDir static Path files;
  private static final List<ServerProcess> servers = new ArrayList<>();

  @AfterAll
  static void stopAll() throws InterruptedException {
    for (ServerProcess s : servers) {
      s.close();
    }
  }

  private static ServerProcess launch(String name, Consumer<Map<String, String>> settings)
      throws IOException {
    ServerProcess s =
        ServerProcess.launch(
            name,
            env -> {
              env.put("OPENMILES_FILES_ROOT", files.toString());
              env.put("OPENMILES_FILES_POLL_MS", "200");
              env.put("OPENMILES_FILES_CHUNK", "500");
              env.put("OPENMILES_FILES_LEASE_SECONDS", String.valueOf(LEASE));
              env.put("OPENMILES_JOBS_ENABLED", "false");
              settings.accept(env);
            });
    servers.add(s);
    return s;
  }

  /**
   * Two instances, app1 and app2, with the scheduled jobs on: the one a test before left running,
   * and those not running started now, one after the other (on two cores, two starting together
   * took about 100 s each, one alone about 30 s).
   */
  private static List<ServerProcess> cluster() throws Exception {
    List<ServerProcess> cluster = new ArrayList<>();
    for (String name : List.of("app1", "app2")) {
      ServerProcess running = runningInstance(name);
      ServerProcess s = running != null ? running : launch(name, JOBS);
      s.awaitReady();
      cluster.add(s);
    }
    return cluster;
  }

  private static ServerProcess runningInstance(String name) {
    return servers.stream().filter(s -> s.name.equals(name) && s.alive()).findFirst().orElse(null);
  }

  private static Path partner() {
    return files.resolve("partners").resolve("DEMO_HOTEL");
  }

  /** A partner file of {@code records} nights, one per line, the members in turn. */
  private static void drop(String name, int records, List<String> members) throws IOException {
    Path part = partner().resolve("inbound").resolve(name + ".csv.part");
    String day = LocalDate.now().minusDays(2).toString();
    try (BufferedWriter w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
      w.write("H,OPENMILES-PARTNER-ACTIVITY,1,DEMO_HOTEL," + LocalDate.now() + "," + name + "\n");
      for (int i = 0; i < records; i++) {
        w.write(
            "D,"
                + name
                + "-"
                + i
                + ","
                + members.get(i % members.size())
                + ",Cluster,"
                + day
                + ",STAY_NIGHT,1,,night "
                + i
                + "\n");
      }
      w.write("T," + records + "," + records + "\n");
    }
    Files.move(part, partner().resolve("inbound").resolve(name + ".csv"));
  }

  private static Path ack(String name) {
    return partner().resolve("outbound").resolve(name + ".csv.ack.csv");
  }

  private static long credited(String name) {
    return Db.count(
        "select count(*) from accrual.partner_activity where partner_tx_id like ?"
            + " and status = 'CREDITED'",
        name + "-%");
  }

  private static void await(String what, long seconds, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within " + seconds + " s").isLessThan(until);
      Thread.sleep(100);
    }
  }

  @Test
  @Order(2)
  void eachFileIsProcessedByOneInstanceAndAKilledInstancesFileIsFinishedByTheOther()
      throws Exception {
    List<ServerProcess> cluster = cluster();
    Api api = new Api(cluster.get(0).url());
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      members.add(api.enroll("Cluster"));
    }
    String run = "cluster" + Api.unique();
    String big = run + "-big";
    int bigRecords = 20_000;
    drop(big, bigRecords, members);
    List<String> small = new ArrayList<>();
    for (int f = 0; f < 12; f++) {
      small.add(run + "-s" + f);
      drop(run + "-s" + f, 100, members);
    }

    // the instance working on the large file is killed half-way; the other is not restarted
    await("a good part of the large file credited", 120, () -> credited(big) >= bigRecords / 5);
    String owner =
        Db.text(
            "select w.host from accrual.file_claim c join accrual.file_worker w"
                + " on w.id = c.worker_id where c.file_name = ?",
            big + ".csv");
    assertThat(owner).as("the large file is claimed by a live worker").isNotNull();
    ServerProcess victim =
        cluster.stream().filter(s -> owner.endsWith("/" + s.pid())).findFirst().orElseThrow();
    ServerProcess survivor = cluster.get(cluster.get(0) == victim ? 1 : 0);
    victim.kill();
    assertThat(credited(big)).as("the kill interrupted the file").isLessThan(bigRecords);
    long killedAt = System.nanoTime();

    await("the survivor finishes the large file", 240, () -> Files.exists(ack(big)));
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt);
    System.out.printf("large file finished by %s %d s after the kill%n", survivor.name, seconds);
    List<String> lines = Files.readAllLines(ack(big));
    assertThat(lines)
        .as("see " + survivor.log)
        .contains(
            "status,PROCESSED",
            "accepted," + bigRecords,
            "rejected,0",
            "duplicates,0",
            "miles_issued," + 500L * bigRecords);
    assertThat(String.join("\n", lines)).contains("resumed");
    assertThat(credited(big)).isEqualTo(bigRecords);
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref like ?",
                "P:DEMO_HOTEL:" + big + "-%"))
        .as("every record credited once")
        .isEqualTo(bigRecords);

    // every small file: answered once, processed once, by whichever instance took it
    await(
        "every small file answered",
        120,
        () -> small.stream().allMatch(name -> Files.exists(ack(name))));
    for (String name : small) {
      assertThat(Files.readAllLines(ack(name))).contains("status,PROCESSED", "accepted,100");
      assertThat(credited(name)).as(name).isEqualTo(100);
      assertThat(
              Db.count(
                  "select count(*) from accrual.inbound_file where file_name = ?", name + ".csv"))
          .as(name + " registered once")
          .isEqualTo(1);
    }
    fileIdReachesTheLedgerAndTheLog(small.get(0), cluster);
    try (Stream<Path> left = Files.list(partner().resolve("inbound"))) {
      assertThat(left).as("nothing left behind in inbound/ (files or lock files)").isEmpty();
    }
    try (Stream<Path> left = Files.list(partner().resolve("processing"))) {
      assertThat(left).isEmpty();
    }
    assertThat(
            Db.count(
                "select count(*) from accrual.file_pickup where file_key like ?", "%" + run + "%"))
        .as("no pick-up left held")
        .isZero();
    assertThat(Db.invariantViolations()).isEmpty();
  }

  /**
   * ADR 0035: a file's records are credited under one correlation id, which the ledger entries keep
   * and the instance's JSON log line for the file carries, with the instance's name.
   */
  private static void fileIdReachesTheLedgerAndTheLog(String name, List<ServerProcess> cluster)
      throws IOException {
    String refs = "P:DEMO_HOTEL:" + name + "-%";
    assertThat(
            Db.count(
                "select count(distinct correlation_id) from accounts.ledger_entry"
                    + " where source_ref like ?",
                refs))
        .isEqualTo(1);
    String id =
        Db.text(
            "select min(correlation_id) from accounts.ledger_entry where source_ref like ?", refs);
    assertThat(id).matches("file-[0-9a-f]{20}");
    List<JsonObject> lines = new ArrayList<>();
    for (ServerProcess s : cluster) {
      for (String line : s.logText().split("\n")) {
        if (line.startsWith("{")) {
          try (var reader = Json.createReader(new StringReader(line))) {
            lines.add(reader.readObject());
          } catch (RuntimeException notJson) {
            // a line the JSON formatter did not write (the JVM's own, say)
          }
        }
      }
    }
    assertThat(lines).as("the instances write JSON lines").hasSizeGreaterThan(100);
    assertThat(lines)
        .as("the file's log line, with its id and the instance that processed it")
        .anySatisfy(
            l -> {
              assertThat(l.getString("CorrelationId", "")).isEqualTo(id);
              assertThat(l.getString("LogMessage", ""))
                  .contains(name + ".csv")
                  .contains("credited");
              assertThat(l.getString("Node", "")).isIn("app1", "app2");
            });
  }

  @Test
  @Order(1)
  void workOwedAfterAnEnrollmentSurvivesTheInstanceThatCommittedIt() throws Exception {
    // no other instance may deliver the outbox meanwhile
    stopAll();
    // this instance commits enrollments but delivers nothing from the outbox
    ServerProcess committer = launch("app1", env -> env.put("OPENMILES_OUTBOX_RELAY", "false"));
    Api api = new Api(committer.awaitReady());
    String before = api.enroll("Outbox");
    String next = MemberNumber.fromSequence(Long.parseLong(before.substring(0, 9)) + 1).value();
    String run = "outbox" + Api.unique();
    drop(run, 1, List.of(next));
    await("the record for the not yet enrolled member parked", 60, () -> Files.exists(ack(run)));
    assertThat(Files.readAllLines(ack(run))).contains("parked,1");

    assertThat(api.enroll("Outbox")).isEqualTo(next);
    Thread.sleep(1_500);
    assertThat(api.balance(next).num("balance")).as("nothing delivered yet").isZero();
    assertThat(
            Db.count(
                "select count(*) from outbox.event where topic = 'member-enrolled'"
                    + " and event_key = ? and delivered_at is null",
                next))
        .as("the enrollment's event waits in the outbox")
        .isEqualTo(1);
    committer.kill();

    ServerProcess other = launch("app2", JOBS); // the next test's cluster takes it on
    Api again = new Api(other.awaitReady());
    await(
        "the parked night credited by the other instance",
        30,
        () -> again.balance(next).num("balance") == 500);
    assertThat(
            Db.count(
                "select count(*) from outbox.event where topic = 'member-enrolled'"
                    + " and event_key = ? and delivered_at is not null",
                next))
        .isEqualTo(1);
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref like ?",
                "%" + run + "-0"))
        .as("credited once")
        .isEqualTo(1);
  }

  /**
   * Clients spread over both instances by the edge: the double-spend race (10,000 miles, 50
   * concurrent holds of 1,000: exactly 10 succeed), then the mixed load of {@link MixedLoad} (32
   * clients, ledger and Cash &amp; Miles work, a reader of the liability) with both instances'
   * scheduled jobs on: no 5xx, every balance the sum of its answers, every invariant.
   */
  @Test
  @Order(3)
  void clientsSpreadOverBothInstancesNeverSpendOneMembersMilesTwiceAndKeepTheLedgerWhole()
      throws Exception {
    List<ServerProcess> cluster = cluster();
    long[] jobsBefore = holdExpiry(cluster);
    long jobsFrom = System.currentTimeMillis();
    List<URL> urls = new ArrayList<>();
    for (ServerProcess s : cluster) {
      urls.add(s.url());
    }
    try (Edge edge = Edge.inFrontOf(urls, "10s")) {
      Api api = new Api(java.net.URI.create("http://127.0.0.1:" + edge.port + "/").toURL());
      String member = api.enroll("Spend");
      String run = "spend" + Api.unique();
      assertThat(api.credit(member, 10_000, run + "-seed").status()).isEqualTo(201);
      int clients = 50;
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Integer> statuses = new CopyOnWriteArrayList<>();
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        String ref = run + "-" + c;
        done.add(pool.submit(() -> statuses.add(api.hold(member, 1_000, ref, 600).status())));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(statuses).as("no server error").allMatch(s -> s < 500);
      assertThat(statuses.stream().filter(s -> s == 201).count())
          .as("exactly the holds the balance covers")
          .isEqualTo(10);
      Api.Res balance = api.balance(member);
      assertThat(balance.num("balance")).isEqualTo(10_000);
      assertThat(balance.num("held")).isEqualTo(10_000);
      assertThat(balance.num("available")).isZero();
      assertThat(edge.log())
          .as("the edge sent requests to both instances")
          .contains("api/app1")
          .contains("api/app2");
      assertThat(Db.invariantViolations()).isEmpty();

      requestIdsReachTheLedger(edge, member, run);

      MixedLoad.run(java.net.URI.create("http://127.0.0.1:" + edge.port + "/").toURL());

      eachInstanceCountsItsOwnConnections(cluster);
      eachFiringOfAScheduledJobRunsOnOneInstance(cluster, jobsBefore, jobsFrom);

      // a console session stays on its instance; when that one dies, the agent logs in again
      String console = "http://127.0.0.1:" + edge.port + "/console/";
      HttpClient browser =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      HttpResponse<String> page = browse(browser, console + "login.xhtml", null);
      HttpResponse<String> login =
          browse(
              browser,
              console + "login.xhtml",
              ConsoleForms.loginForm(page.body(), "agent", "agent-demo"));
      assertThat(login.statusCode()).as(login.body()).isIn(302, 303);
      String node =
          setCookie(login, "OPENMILES_NODE").orElseGet(() -> cookie(page, "OPENMILES_NODE"));
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> home = browse(browser, console + "index.xhtml", null);
        assertThat(home.statusCode()).as("the agent's page, on " + node).isEqualTo(200);
        assertThat(home.body()).doesNotContain("login:password");
      }
      cluster.stream().filter(s -> s.name.equals(node)).findFirst().orElseThrow().kill();
      Thread.sleep(5_000); // two failed health checks, two seconds apart
      HttpResponse<String> after = browse(browser, console + "index.xhtml", null);
      assertThat(after.statusCode())
          .as("after the loss of %s: the other instance asks to log in again", node)
          .isIn(302, 303);
      assertThat(after.headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).contains("login.xhtml"));
    }
  }

  /**
   * ADR 0035: a request's X-Request-Id (the caller's when well formed, else the edge's) comes back
   * in the answer, is written with the ledger entry the request made, and appears in the edge log.
   */
  private static void requestIdsReachTheLedger(Edge edge, String member, String run)
      throws Exception {
    String callers = "b2c-" + run + ".checkout:1";
    HttpResponse<String> traced = credit(edge, member, run + "-traced", callers);
    assertThat(traced.statusCode()).as(traced.body()).isEqualTo(201);
    assertThat(traced.headers().firstValue("X-Request-Id")).hasValue(callers);
    assertThat(entryCorrelation(run + "-traced")).isEqualTo(callers);

    HttpResponse<String> plain = credit(edge, member, run + "-plain", null);
    String given = plain.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(given).as("made by the edge").matches("req-[0-9a-f-]{36}");
    assertThat(entryCorrelation(run + "-plain")).isEqualTo(given);

    HttpResponse<String> odd = credit(edge, member, run + "-odd", "two words");
    String replaced = odd.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(replaced).as("an id we would not keep is replaced").matches("req-[0-9a-f-]{36}");
    assertThat(entryCorrelation(run + "-odd")).isEqualTo(replaced);
    assertThat(edge.log()).contains(callers).contains(given).contains(replaced);
  }

  private static HttpResponse<String> credit(Edge edge, String member, String ref, String requestId)
      throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(
                java.net.URI.create(
                    "http://127.0.0.1:" + edge.port + "/api/v1/members/" + member + "/postings"))
            .header("Authorization", "Bearer " + Tokens.mint(Api.STAFF, "back-office"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    """
                    {"type":"CREDIT","miles":100,"sourceReference":"%s","activityDate":"2026-01-15"}"""
                        .formatted(ref)));
    if (requestId != null) {
      r.header("X-Request-Id", requestId);
    }
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String entryCorrelation(String ref) {
    return Db.text(
        "select correlation_id from accounts.ledger_entry where source_ref like ?", "%" + ref);
  }

  /**
   * Both instances' timers fire the hold expiry every 30 s; each firing runs on one of them and the
   * other skips it, so over the test the runs of both together are the firings, not twice as many.
   * Waits until at least four firings have passed.
   */
  private static void eachFiringOfAScheduledJobRunsOnOneInstance(
      List<ServerProcess> cluster, long[] before, long from) throws Exception {
    long firstFiring = Math.floorDiv(from, 30_000) + 1; // in 30-s steps since the epoch
    // two seconds past the fourth firing (firstFiring + 3): firings below counts four
    long wait = (firstFiring + 3) * 30_000 + 2_000 - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
    long to = System.currentTimeMillis();
    long[] after = holdExpiry(cluster);
    long firings = Math.floorDiv(to, 30_000) - Math.floorDiv(from, 30_000);
    long runs = after[0] - before[0];
    long skipped = after[1] - before[1];
    System.out.printf(
        "hold expiry: %d firings, %d runs, %d skipped on both instances%n", firings, runs, skipped);
    assertThat(runs)
        .as("runs: one per firing, give or take a firing at either end")
        .isBetween(firings - 1, firings + 1);
    assertThat(skipped)
        .as("the other instance skipped each firing")
        .isBetween(firings - 1, firings + 1);
    assertThat(
            Db.count(
                "select count(*) from jobs.job_run where job = 'hold-expiry'"
                    + " and firing > to_timestamp(?) and outcome = 'DONE' and node in ('app1', 'app2')",
                from / 1000.0))
        .as("each firing recorded with the instance that ran it")
        .isBetween(firings - 1, firings + 1);
  }

  /**
   * After the mixed load each pool holds connections; each instance counts its own (its name on
   * them in PostgreSQL), so the two counts together are at most the database's client connections.
   * Counted by a shared name, each would be both pools and the sum would exceed it.
   */
  private static void eachInstanceCountsItsOwnConnections(List<ServerProcess> cluster)
      throws IOException {
    long sum = 0;
    long database = 0;
    for (ServerProcess s : cluster) {
      var pool = section(s, "database").getJsonObject("connections");
      assertThat(pool).as(s.name + " reports its connections").isNotNull();
      long open = pool.getJsonNumber("open").longValue();
      assertThat(open).as(s.name + " open connections").isBetween(1L, 40L);
      assertThat(pool.getJsonNumber("busy").longValue()).isBetween(0L, open);
      assertThat(pool.getJsonNumber("poolMax").longValue()).isEqualTo(40);
      sum += open;
      database = Math.max(database, pool.getJsonNumber("database").longValue());
    }
    System.out.printf("connections: %d of both pools, %d to the database%n", sum, database);
    assertThat(sum).as("each pool counted once").isLessThanOrEqualTo(database);
  }

  /** The details {@code name} of the operations health of instance {@code s}. */
  private static JsonObject section(ServerProcess s, String name) throws IOException {
    Api.Res health = new Api(s.url()).get("operations/health");
    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    return health.json().getJsonArray("checks").stream()
        .map(c -> c.asJsonObject())
        .filter(c -> c.getString("name").equals(name) && c.getString("kind").equals("details"))
        .findFirst()
        .orElseThrow()
        .getJsonObject("data");
  }

  /** The hold expiry's runs and skipped firings, summed over the instances. */
  private static long[] holdExpiry(List<ServerProcess> cluster) throws IOException {
    long[] sum = new long[2];
    for (ServerProcess s : cluster) {
      JsonObject jobs = section(s, "jobs");
      if (jobs.containsKey("hold-expiry")) {
        JsonObject job = jobs.getJsonObject("hold-expiry");
        sum[0] += job.getJsonNumber("runs").longValue();
        sum[1] += job.getJsonNumber("skipped").longValue();
      }
    }
    return sum;
  }

  private static HttpResponse<String> browse(HttpClient client, String url, String form)
      throws IOException, InterruptedException {
    HttpRequest.Builder r = HttpRequest.newBuilder(java.net.URI.create(url));
    if (form != null) {
      r.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The value of the cookie {@code name} the answer sets, if it sets one. */
  private static java.util.Optional<String> setCookie(HttpResponse<String> r, String name) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
        .findFirst();
  }

  private static String cookie(HttpResponse<String> r, String name) {
    return setCookie(r, name)
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.headers().map()));
  }
}
