package org.openmiles.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.FileDrop;
import org.openmiles.it.support.ServerProcess;

/**
 * The process is killed (SIGKILL) in the middle of a partner file and started again at once: the
 * file, touched by the killed process a moment before, is taken back once that process's lease has
 * run out (ADR 0024), resumed, and every record is credited exactly once. Then the same for a
 * version 2 file reversing every record: each is taken back exactly once. And killed while clients
 * capture holds: every hold is captured exactly once. Not an Arquillian test: it runs Payara Micro
 * itself, because it has to kill and restart it. The two crash tests share the server one of them
 * left running (each kills and restarts it anyway), which saves a start.
 */
class CrashRecoveryIT {
  private static final int RECORDS = 20_000;
  private static final int MEMBERS = 200;

  @TempDir static Path files;
  private static ServerProcess server;

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  /** Starts OpenMiles on the test files; {@code settings} may change its environment. */
  private static ServerProcess launch(Consumer<Map<String, String>> settings) throws IOException {
    return ServerProcess.launch(
        "crash",
        env -> {
          env.put("OPENMILES_FILES_ROOT", files.toString());
          env.put("OPENMILES_FILES_POLL_MS", "200");
          env.put("OPENMILES_FILES_CHUNK", "500");
          // no file-age threshold: the server restarts at once, and the file's owner (its
          // lease) decides
          env.remove("OPENMILES_FILES_RECOVER_AFTER_SECONDS");
          env.put("OPENMILES_FILES_LEASE_SECONDS", "10");
          env.put("OPENMILES_JOBS_ENABLED", "false");
          settings.accept(env);
        });
  }

  /** The running server, or a new one once the last was killed. */
  private static URL start() throws Exception {
    if (server != null && server.alive()) {
      return server.url();
    }
    server = launch(env -> {});
    return server.awaitReady();
  }

  /**
   * Drops a partner file of {@code version} with one line of {@code type} ({@code D} or {@code R})
   * per record {@code <run>-<i>}: one night, the members in turn.
   */
  private static void dropNights(
      Path partner,
      String name,
      String version,
      String type,
      String run,
      List<String> members,
      String day)
      throws IOException {
    Path part = partner.resolve("inbound").resolve(name + ".csv.part");
    try (BufferedWriter w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
      w.write(
          "H,OPENMILES-PARTNER-ACTIVITY,"
              + version
              + ",DEMO_HOTEL,"
              + LocalDate.now()
              + ","
              + name
              + "\n");
      for (int i = 0; i < RECORDS; i++) {
        w.write(
            type
                + ","
                + run
                + "-"
                + i
                + ","
                + members.get(i % MEMBERS)
                + ",Crash,"
                + day
                + ",STAY_NIGHT,1,,night "
                + i
                + "\n");
      }
      w.write("T," + RECORDS + "," + RECORDS + "\n");
    }
    Files.move(part, partner.resolve("inbound").resolve(name + ".csv"));
  }

  /**
   * Outside demo mode a server configured with demo material (demo members, and the local
   * stand-in's signing key that ./openmiles test points every server at) does not start: the
   * process ends with status 78 and says why and what to do, instead of staying up without its
   * application.
   */
  @Test
  void outsideDemoModeAServerWithDemoMaterialRefusesToStart() throws Exception {
    try (ServerProcess refused =
        launch(
            env -> {
              env.remove("OPENMILES_DEMO");
              env.put("OPENMILES_DEMO_MEMBERS", "300");
            })) {
      assertThat(refused.exited(240))
          .as("the server should have stopped by itself; see " + refused.log)
          .isTrue();
      assertThat(refused.exitValue()).isEqualTo(78);
      String out = refused.logText();
      assertThat(out)
          .contains("OpenMiles will not start with demo material outside demo mode")
          .contains("openmiles.demo.members is 300")
          .contains("is a development key of ./openmiles jwt")
          .contains("set OPENMILES_DEMO=true");
      // refused before the migrations: the database was not touched
      assertThat(out).doesNotContain("migration(s) applied");
    }
  }

  @Test
  void killedMidFileTheServerResumesAndCreditsEveryRecordExactlyOnce() throws Exception {
    Api api = new Api(start());
    List<String> members = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      members.add(api.enroll("Crash"));
    }
    String run = "crash" + Api.unique();
    Path partner = files.resolve("partners").resolve("DEMO_HOTEL");
    String day = LocalDate.now().minusDays(2).toString();
    dropNights(partner, run, "1", "D", run, members, day);

    // kill it once a good part, but not all, of the file is in
    long seen = 0;
    for (int i = 0; i < 600 && seen < RECORDS / 5; i++) {
      Thread.sleep(100);
      seen =
          Db.count(
              "select count(*) from accrual.partner_activity where partner_tx_id like ?",
              run + "-%");
    }
    assertThat(seen).as("records credited before the kill").isBetween(1L, RECORDS - 1L);
    server.kill();
    long atKill =
        Db.count(
            "select count(*) from accrual.partner_activity where partner_tx_id like ?", run + "-%");
    assertThat(atKill).as("the kill interrupted the file").isLessThan(RECORDS);
    assertThat(Files.list(partner.resolve("processing")).map(p -> p.getFileName().toString()))
        .contains(run + ".csv");

    // restarted at once: the file was touched a moment ago by the killed process
    Api again = new Api(start());
    List<String> lines =
        FileDrop.awaitLines(
            partner.resolve("outbound").resolve(run + ".csv.ack.csv"),
            Duration.ofMinutes(5),
            "acknowledgement after the restart; see " + server.log);
    assertThat(lines)
        .contains(
            "status,PROCESSED",
            "accepted," + RECORDS,
            "rejected,0",
            "duplicates,0",
            "miles_issued," + 500L * RECORDS);
    assertThat(String.join("\n", lines)).contains("resumed");
    assertThat(
            Db.count(
                "select count(*) from accrual.partner_activity where partner_tx_id like ?",
                run + "-%"))
        .isEqualTo(RECORDS);
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref like ?",
                "P:DEMO_HOTEL:" + run + "-%"))
        .isEqualTo(RECORDS);
    long total = 0;
    for (String m : members) {
      total += again.balance(m).num("balance");
    }
    assertThat(total).as("every night credited once").isEqualTo(500L * RECORDS);
    assertThat(Db.invariantViolations()).isEmpty();
    assertThat(new File(partner.resolve("processing").toString()).list()).isEmpty();
    assertThat(
            Db.count(
                "select count(*) from accrual.inbound_file where file_name = ? and status = 'DONE'",
                run + ".csv"))
        .as("the file monitor shows the file done")
        .isEqualTo(1);

    // then a version 2 file taking every record back, killed in the middle too: reversed once
    String back = run + "-back";
    dropNights(partner, back, "2", "R", run, members, day);
    String reversedRows =
        "select count(*) from accrual.partner_activity where partner_tx_id like ?"
            + " and status = 'REVERSED'";
    long reversed = 0;
    for (int i = 0; i < 600 && reversed < RECORDS / 5; i++) {
      Thread.sleep(100);
      reversed = Db.count(reversedRows, run + "-%");
    }
    assertThat(reversed).as("records reversed before the kill").isBetween(1L, RECORDS - 1L);
    server.kill();
    assertThat(Db.count(reversedRows, run + "-%"))
        .as("the kill interrupted it")
        .isLessThan(RECORDS);

    Api third = new Api(start());
    List<String> backLines =
        FileDrop.awaitLines(
            partner.resolve("outbound").resolve(back + ".csv.ack.csv"),
            Duration.ofMinutes(5),
            "acknowledgement of the reversals; see " + server.log);
    assertThat(backLines)
        .contains(
            "status,PROCESSED",
            "reversed," + RECORDS,
            "miles_reversed," + 500L * RECORDS,
            "rejected,0",
            "duplicates,0");
    assertThat(String.join("\n", backLines)).contains("resumed");
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref like ?"
                    + " and entry_type = 'REVERSAL'",
                "P:DEMO_HOTEL:" + run + "-%:R"))
        .isEqualTo(RECORDS);
    long left = 0;
    for (String m : members) {
      left += third.balance(m).num("balance");
    }
    assertThat(left).as("every night taken back once").isZero();
    assertThat(Db.invariantViolations()).isEmpty();
  }

  /**
   * Issue 16 ("Crashes"): the server is killed (SIGKILL) while 8 clients capture holds, some in
   * full and some in part, and started again; each client then retries every capture it has no
   * answer for. Every hold ends captured exactly once with the miles of its first request, no
   * answer is a 5xx, and every ledger invariant holds.
   */
  @Test
  void killedDuringCapturesEveryHoldIsCapturedExactlyOnce() throws Exception {
    int holdsPerMember = 30;
    int members = 8;
    Api api = new Api(start());
    String run = "crashcap" + Api.unique();
    List<String[]> holds = new ArrayList<>(); // member, reference, miles to capture
    for (int m = 0; m < members; m++) {
      String member = api.enroll("Capture");
      assertThat(api.credit(member, 100_000, run + "-seed-" + m).status()).isEqualTo(201);
      for (int h = 0; h < holdsPerMember; h++) {
        String ref = run + "-" + m + "-" + h;
        assertThat(api.hold(member, 2_000, ref, 3_600).status()).isEqualTo(201);
        holds.add(new String[] {member, ref, Long.toString(h % 2 == 0 ? 2_000 : 1 + h * 50L)});
      }
    }
    List<String> serverErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.Set<String> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      clients.add(
          pool.submit(
              () -> {
                for (int i = thread; i < holds.size(); i += 8) {
                  String[] h = holds.get(i);
                  try {
                    Api.Res r = api.capture(h[1], Long.parseLong(h[2]));
                    if (r.status() >= 500) {
                      serverErrors.add(r.toString());
                    } else if (r.status() == 200) {
                      answered.add(h[1]);
                    }
                  } catch (IllegalStateException e) {
                    return null; // the server was killed under this request
                  }
                }
                return null;
              }));
    }
    long captured = 0;
    for (int i = 0; i < 600 && captured < holds.size() / 4; i++) {
      Thread.sleep(50);
      captured =
          Db.count(
              "select count(*) from accounts.hold where source_ref like ? and status = 'CAPTURED'",
              run + "-%");
    }
    server.kill();
    for (var c : clients) {
      c.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    long atKill =
        Db.count(
            "select count(*) from accounts.hold where source_ref like ? and status = 'CAPTURED'",
            run + "-%");
    assertThat(atKill).as("the kill interrupted the captures").isBetween(1L, holds.size() - 1L);

    Api again = new Api(start());
    for (String[] h : holds) {
      Api.Res r = again.capture(h[1], Long.parseLong(h[2]));
      assertThat(r.status()).as(h[1] + ": " + r).isEqualTo(200);
    }
    assertThat(serverErrors).as("server errors before the kill").isEmpty();
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref like ?"
                    + " and entry_type = 'HOLD_CAPTURE'",
                run + "-%"))
        .as("one capture entry per hold")
        .isEqualTo(holds.size());
    long expectedCaptured = holds.stream().mapToLong(h -> Long.parseLong(h[2])).sum();
    assertThat(
            Db.count(
                "select coalesce(sum(captured), 0) from accounts.hold where source_ref like ?",
                run + "-%"))
        .isEqualTo(expectedCaptured);
    assertThat(Db.invariantViolations()).isEmpty();
  }
}
