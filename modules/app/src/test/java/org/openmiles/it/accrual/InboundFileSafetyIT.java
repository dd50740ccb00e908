package org.openmiles.it.accrual;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.FileDrop;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;

/**
 * What a partner's folder may hold besides good files, on the real server and database: an empty
 * file, a record with a NUL byte, a fault in the middle of a file, a symbolic link, and files left
 * in {@code processing/} by workers alive or dead (issue 16, ADR 0024).
 */
@OnSharedServer
class InboundFileSafetyIT {
  private static final String DAY = LocalDate.now().minusDays(3).toString();

  @SharedServer.Url URL url;
  Api api;
  Path partner;

  @BeforeEach
  void setUp() {
    api = new Api(url);
    partner = FileDrop.partnerFolder("DEMO_HOTEL");
  }

  private static String header() {
    return FileDrop.partnerHeader("DEMO_HOTEL");
  }

  private static String stay(String tx, String member, String description) {
    return FileDrop.stayNights(tx, member, DAY, 1, description);
  }

  /** The partner's file of that name as the API lists it. */
  private JsonObject listed(String name) {
    return api.get("partners/DEMO_HOTEL/files?limit=50").array().stream()
        .map(v -> v.asJsonObject())
        .filter(f -> f.getString("fileName").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not listed"));
  }

  /** The lines of the acknowledgement {@code <answered>.ack.csv}, once written (up to 2 min). */
  private List<String> acknowledgement(String answered) throws Exception {
    return FileDrop.awaitLines(
        partner.resolve("outbound").resolve(answered + ".ack.csv"),
        Duration.ofMinutes(2),
        "acknowledgement of " + answered);
  }

  /** The acknowledgement {@code <answered>.ack.csv}, once written: REJECTED with {@code code}. */
  private List<String> refusal(String answered, String code) throws Exception {
    List<String> lines = acknowledgement(answered);
    assertThat(lines).contains("status,REJECTED").anyMatch(l -> l.startsWith("reason," + code));
    return lines;
  }

  @Test
  void anEmptyFileIsAnsweredAndTheFilesBehindItGoOn() throws Exception {
    String u = Api.unique();
    Files.write(partner.resolve("inbound").resolve("empty-" + u + ".csv"), new byte[0]);
    Files.write(partner.resolve("inbound").resolve("empty-again-" + u + ".csv"), new byte[0]);
    String member = api.enroll("Test");
    Map<String, String> next =
        FileDrop.drop(partner, "after-" + u + ".csv", header() + stay(u, member, "x") + "T,1,1\n");
    assertThat(next).containsEntry("status", "PROCESSED").containsEntry("accepted", "1");
    refusal("empty-" + u + ".csv", "EMPTY_FILE");
    // the same (no) content again is not a duplicate: every empty file is answered EMPTY_FILE
    refusal("empty-again-" + u + ".csv", "EMPTY_FILE");
    assertThat(listed("empty-again-" + u + ".csv").getString("status")).isEqualTo("REJECTED");
  }

  @Test
  void aNulByteRejectsItsRecordAndTheOthersAreCredited() throws Exception {
    String member = api.enroll("Test");
    String u = Api.unique();
    String name = "nul-" + u + ".csv";
    Map<String, String> ack =
        FileDrop.drop(
            partner,
            name,
            header()
                + stay(u + "-1", member, "fine")
                + stay(u + "-2", member, "bad\u0000byte")
                + stay(u + "-3", member, "fine")
                + "T,3,3\n");
    assertThat(ack)
        .containsEntry("status", "PROCESSED")
        .containsEntry("accepted", "2")
        .containsEntry("rejected", "1");
    assertThat(FileDrop.rejectCodes(partner, name)).containsExactly("3,CONTROL_CHARACTER");
    assertThat(api.balance(member).num("balance")).isEqualTo(1_000);
    assertThat(listed(name).getString("status")).isEqualTo("DONE");
  }

  @Test
  void aFileAFaultStoppedIsShownFailedWithItsReason() throws Exception {
    Db.update(
        "create or replace function accrual.it_simulated_fault() returns trigger language plpgsql"
            + " as $$ begin if new.partner_tx_id like 'FAULT-%' then"
            + " raise exception 'simulated fault'; end if; return new; end $$");
    Db.update(
        "create trigger it_simulated_fault before insert on accrual.partner_activity"
            + " for each row execute function accrual.it_simulated_fault()");
    try {
      String member = api.enroll("Test");
      String u = Api.unique();
      String name = "fault-" + u + ".csv";
      Path part = partner.resolve("inbound").resolve(name + ".part");
      Files.writeString(
          part, header() + stay("FAULT-" + u, member, "x") + "T,1,1\n", StandardCharsets.UTF_8);
      Files.move(part, partner.resolve("inbound").resolve(name));
      String status = "";
      for (int i = 0; i < 240 && !status.equals("FAILED"); i++) {
        Thread.sleep(250);
        status =
            api.get("partners/DEMO_HOTEL/files?limit=50").array().stream()
                .map(v -> v.asJsonObject())
                .filter(f -> f.getString("fileName").equals(name))
                .map(f -> f.getString("status"))
                .findFirst()
                .orElse("");
      }
      assertThat(status).isEqualTo("FAILED");
      assertThat(listed(name).getString("reason")).contains("a fault stopped the file");
    } finally {
      Db.update("drop trigger it_simulated_fault on accrual.partner_activity");
    }
  }

  @Test
  void aSymbolicLinkIsRefusedUnread() throws Exception {
    String name = "passwd-" + Api.unique() + ".csv";
    Files.createSymbolicLink(partner.resolve("inbound").resolve(name), Path.of("/etc/passwd"));
    assertThat(refusal(name, "NOT_A_REGULAR_FILE")).noneMatch(l -> l.contains("root:"));
    assertThat(partner.resolve("outbound").resolve(name + ".rejects.csv")).doesNotExist();
  }

  @Test
  void aHardLinkToAFileOutsideThePartnersFolderIsRefusedUnread() throws Exception {
    String member = api.enroll("Test");
    String u = Api.unique();
    // a well-formed file of another partner's records, outside DEMO_HOTEL's folders
    Path elsewhere = FileDrop.filesRoot().resolve("elsewhere-" + u + ".txt");
    Files.writeString(elsewhere, header() + stay("LINKED-" + u, member, "x") + "T,1,1\n");
    String name = "linked-" + u + ".csv";
    Files.createLink(partner.resolve("inbound").resolve(name), elsewhere);
    assertThat(refusal(name, "HARD_LINK")).noneMatch(l -> l.startsWith("file_id"));
    assertThat(api.balance(member).num("balance")).isZero();
    assertThat(elsewhere).exists();
  }

  @Test
  void aHiddenUploadNobodyWritesToAnyMoreIsAnsweredAndMovedAway() throws Exception {
    String u = Api.unique();
    Path stale = partner.resolve("inbound").resolve(".stalled-" + u + ".csv");
    Files.writeString(stale, header());
    Files.setLastModifiedTime(
        stale,
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3 * 3_600)));
    assertThat(refusal("stalled-" + u + ".csv", "INCOMPLETE_UPLOAD"))
        .contains("file,.stalled-" + u + ".csv");
    // answered first, then moved (a crash between the two answers it again rather than never)
    FileDrop.awaitGone(stale, Duration.ofSeconds(30), "the stalled upload in inbound/");
    assertThat(partner.resolve("rejects"))
        .isDirectoryContaining(p -> p.getFileName().toString().startsWith("stalled-" + u + "."));
  }

  @Test
  void aLiveWorkersFileIsNeverTakenAndADeadWorkersIsResumed() throws Exception {
    String u = Api.unique();
    String member = api.enroll("Test");
    String live = "live-" + u + ".csv";
    String dead = "dead-" + u + ".csv";
    Db.update(
        "insert into accrual.file_worker (id, host, heartbeat_at) values"
            + " (?, 'another instance', now() + interval '1 hour'),"
            + " (?, 'a killed instance', now() - interval '1 hour')",
        "live-" + u,
        "dead-" + u);
    Db.update(
        "insert into accrual.file_claim (folder, file_name, worker_id) values"
            + " ('partners/DEMO_HOTEL', ?, ?), ('partners/DEMO_HOTEL', ?, ?)",
        live,
        "live-" + u,
        dead,
        "dead-" + u);
    try {
      // both files were touched just now: only their owners tell them apart
      Files.writeString(
          partner.resolve("processing").resolve(live),
          header() + stay(u + "-live", member, "x") + "T,1,1\n");
      Files.writeString(
          partner.resolve("processing").resolve(dead),
          header() + stay(u + "-dead", member, "x") + "T,1,1\n");
      assertThat(acknowledgement(dead)).contains("status,PROCESSED", "accepted,1");
      // the check that took the dead worker's file back looked at the live one too
      assertThat(partner.resolve("processing").resolve(live)).exists();
      assertThat(partner.resolve("outbound").resolve(live + ".ack.csv")).doesNotExist();
      assertThat(Db.count("select count(*) from accrual.file_claim where file_name = ?", live))
          .isEqualTo(1);
    } finally {
      Files.deleteIfExists(partner.resolve("processing").resolve(live));
      Db.update("delete from accrual.file_claim where file_name in (?, ?)", live, dead);
      Db.update("delete from accrual.file_worker where id in (?, ?)", "live-" + u, "dead-" + u);
    }
  }
}
