package org.openmiles.integration.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.PartnerActivity;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.InboundFileProcessor;

/**
 * The partner file adapter without Camel or a database: what it accepts, what it refuses whole,
 * what it rejects line by line, and what it tells the partner.
 */
class PartnerFileProcessorTest {
  static final String M1 = MemberNumber.fromSequence(100_000_001L).value();
  static final String M2 = MemberNumber.fromSequence(100_000_002L).value();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  static final String DAY = LocalDate.now(CLOCK).minusDays(5).toString();

  @TempDir Path root;
  FakePartnerAccrual accrual;
  FileSettings settings;
  InboundFileProcessor processor;

  @BeforeEach
  void setUp() {
    accrual = new FakePartnerAccrual();
    settings = FileSettings.of(root.toString(), 3, 200, 12);
    settings.createPartnerFolders("DEMO_HOTEL");
    processor =
        InboundFileProcessor.of(
            settings, CLOCK, new org.openmiles.integration.bootstrap.ContainerWork(), null);
  }

  private String run(String name, String content) throws IOException {
    return run(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private String run(String name, byte[] content) throws IOException {
    Path file = root.resolve(name);
    Files.write(file, content);
    return handle(file, name);
  }

  /** Processes {@code file} as one of DEMO_HOTEL's, its records to {@link #accrual}. */
  private String handle(Path file, String name) throws IOException {
    return processor.handle(file, name, PartnerFeed.of("DEMO_HOTEL", accrual, settings));
  }

  private Map<String, String> ack(String name) throws IOException {
    return Files.readAllLines(outbound().resolve(name + ".ack.csv")).stream()
        .skip(1)
        .map(l -> l.split(",", 2))
        .collect(Collectors.toMap(p -> p[0], p -> p[1].replaceAll("^\"|\"$", "")));
  }

  private List<String> rejects(String name) throws IOException {
    return Files.readAllLines(outbound().resolve(name + ".rejects.csv")).stream().skip(1).toList();
  }

  private Path outbound() {
    return settings.partnerFolder("DEMO_HOTEL", "outbound");
  }

  static String header() {
    return "H,OPENMILES-PARTNER-ACTIVITY,1,DEMO_HOTEL,2026-11-24,REF1\n";
  }

  static String detail(String tx, String member, String qty) {
    return "D," + tx + "," + member + ",Nguyen," + DAY + ",STAY_NIGHT," + qty + ",,stay\n";
  }

  @Test
  void aGoodFileIsCreditedInChunksAndAcknowledged() throws IOException {
    String content =
        header()
            + detail("T1", M1, "1")
            + detail("T2", M2, "2")
            + detail("T3", M1, "3")
            + detail("T4", M2, "4")
            + "T,4,10\n";
    assertThat(run("good.csv", content)).isEqualTo("archive");
    assertThat(accrual.chunkSizes).containsExactly(3, 1);
    Map<String, String> ack = ack("good.csv");
    assertThat(ack)
        .containsEntry("status", "PROCESSED")
        .containsEntry("records", "4")
        .containsEntry("accepted", "4")
        .containsEntry("rejected", "0")
        .containsEntry("miles_issued", "100")
        .containsEntry("control_total", "verified");
    assertThat(rejects("good.csv")).isEmpty();
  }

  static String reversal(String tx, String member, String date, String qty) {
    return "R," + tx + "," + member + ",Nguyen," + date + ",STAY_NIGHT," + qty + ",,cancelled\n";
  }

  @Test
  void aVersion2FileCarriesReversalsCountedInTheAcknowledgement() throws IOException {
    String old = LocalDate.now(CLOCK).minusMonths(13).toString(); // past the age limit
    String content =
        header().replace(",1,DEMO_HOTEL,", ",2,DEMO_HOTEL,")
            + detail("T1", M1, "2")
            + reversal("T1", M1, DAY, "2") // T1 is on line 2: a record or its reversal, not both
            + reversal("T0", M1, DAY, "3")
            + reversal("T-OLD", M2, old, "1")
            + "D,T5,"
            + M1
            + ",Nguyen,"
            + old
            + ",STAY_NIGHT,1,,too old\n"
            + "T,5,9\n";
    assertThat(run("v2.csv", content)).isEqualTo("archive");
    assertThat(accrual.reversals)
        .extracting(PartnerActivity::partnerTxId, a -> a.lineNumber(), PartnerActivity::reversal)
        .containsExactly(tuple("T0", 4L, true), tuple("T-OLD", 5L, true));
    assertThat(accrual.reversals.get(1).activityDate()).isEqualTo(LocalDate.parse(old));
    assertThat(rejects("v2.csv"))
        .extracting(l -> l.split(",")[0] + "," + l.split(",")[1])
        .containsExactly("3,DUPLICATE_IN_FILE", "6,TOO_OLD");
    assertThat(ack("v2.csv"))
        .containsEntry("format", "OPENMILES-PARTNER-ACTIVITY 2")
        .containsEntry("records", "5")
        .containsEntry("accepted", "1")
        .containsEntry("miles_issued", "20")
        .containsEntry("reversed", "2")
        .containsEntry("miles_reversed", "40")
        .containsEntry("rejected", "2")
        .containsEntry("control_total", "verified");
  }

  @Test
  void aReversalInAVersion1FileIsAnUnknownRecordTypeAndVersion1StaysAsItWas() throws IOException {
    String content = header() + detail("T1", M1, "1") + reversal("T0", M1, DAY, "1") + "T,2,2\n";
    assertThat(run("v1.csv", content)).isEqualTo("archive");
    assertThat(accrual.reversals).isEmpty();
    assertThat(rejects("v1.csv"))
        .singleElement()
        .asString()
        .startsWith("3,UNKNOWN_RECORD_TYPE,record type 'R' (reversal) needs a version 2 file");
    assertThat(ack("v1.csv"))
        .containsEntry("format", "OPENMILES-PARTNER-ACTIVITY 1")
        .containsEntry("accepted", "1")
        .doesNotContainKey("reversed");
    String v3 = header().replace(",1,DEMO_HOTEL,", ",3,DEMO_HOTEL,") + "T,0,0\n";
    assertThat(run("v3.csv", v3)).isEqualTo("rejects");
    assertThat(ack("v3.csv").get("reason")).startsWith("UNSUPPORTED_VERSION");
    String x = header().replace(",1,DEMO_HOTEL,", ",2,DEMO_HOTEL,") + "X,T9\n" + "T,1,0\n";
    assertThat(run("x.csv", x)).isEqualTo("archive");
    assertThat(rejects("x.csv"))
        .singleElement()
        .asString()
        .startsWith("2,UNKNOWN_RECORD_TYPE,record type 'X' is not D or R");
  }

  @Test
  void badRecordsAreRejectedWithLineAndReasonWhileTheRestIsCredited() throws IOException {
    String content =
        header()
            + detail("T1", M1, "1")
            + detail("T2", "1000000009", "1")
            + "D,T3,"
            + M1
            + ",Nguyen,2026-02-30,STAY_NIGHT,1,,bad date\n"
            + "D,T4,"
            + M1
            + ",Nguyen,"
            + DAY
            + ",STAY_NIGHT,-1,,negative\n"
            + "D,T5,"
            + M1
            + ",Nguyen,"
            + DAY
            + ",STAY_NIGHT,1.5,,half a night\n"
            + "D,T6,"
            + M1
            + ",Nguyen,"
            + DAY
            + ",SPEND,100,usd,bad currency\n"
            + "D,T7,"
            + M1
            + ",Nguyen,2099-01-01,STAY_NIGHT,1,,future\n"
            + "D,T8,"
            + M1
            + ",Nguyen,2020-01-01,STAY_NIGHT,1,,too old\n"
            + "D,T9,too,few,fields\n"
            + "X,T10,"
            + M1
            + ",Nguyen,"
            + DAY
            + ",STAY_NIGHT,1,,wrong type\n"
            + detail("T1", M1, "1")
            + "D,T12,"
            + M1
            + ",Nguyen,"
            + DAY
            + ",STAY_NIGHT,1,,\"unterminated\n"
            + "T,12,999\n";
    assertThat(run("mixed.csv", content)).isEqualTo("archive");
    assertThat(rejects("mixed.csv"))
        .extracting(l -> l.split(",")[0] + "," + l.split(",")[1])
        .containsExactly(
            "3,INVALID_MEMBER_NUMBER",
            "4,INVALID_DATE",
            "5,INVALID_QUANTITY",
            "6,INVALID_QUANTITY",
            "7,INVALID_CURRENCY",
            "8,FUTURE_DATE",
            "9,TOO_OLD",
            "10,WRONG_FIELD_COUNT",
            "11,UNKNOWN_RECORD_TYPE",
            "12,DUPLICATE_IN_FILE",
            "13,MALFORMED_LINE");
    assertThat(ack("mixed.csv"))
        .containsEntry("accepted", "1")
        .containsEntry("rejected", "11")
        .containsEntry(
            "control_total", "not verifiable: some control amounts are not numbers (see rejects)");
  }

  @Test
  void aFileThatFailsItsChecksIsRefusedWholeAndNothingIsCredited() throws IOException {
    Map<String, String> cases =
        Map.of(
            "truncated.csv", header() + detail("T1", M1, "1"),
            "count.csv", header() + detail("T1", M1, "1") + "T,2,1\n",
            "total.csv", header() + detail("T1", M1, "1") + "T,1,7\n",
            "noheader.csv", detail("T1", M1, "1") + "T,1,1\n",
            "partner.csv",
                header().replace("DEMO_HOTEL", "DEMO_CAR") + detail("T1", M1, "1") + "T,1,1\n",
            "version.csv",
                header().replace(",1,DEMO", ",3,DEMO") + detail("T1", M1, "1") + "T,1,1\n",
            "after.csv", header() + detail("T1", M1, "1") + "T,1,1\n" + detail("T2", M1, "1"),
            "empty.csv", "");
    Map<String, String> expected =
        Map.of(
            "truncated.csv",
            "TRUNCATED_FILE",
            "count.csv",
            "CONTROL_COUNT_MISMATCH",
            "total.csv",
            "CONTROL_TOTAL_MISMATCH",
            "noheader.csv",
            "MISSING_HEADER",
            "partner.csv",
            "WRONG_PARTNER",
            "version.csv",
            "UNSUPPORTED_VERSION",
            "after.csv",
            "DATA_AFTER_TRAILER",
            "empty.csv",
            "EMPTY_FILE");
    for (var c : cases.entrySet()) {
      assertThat(run(c.getKey(), c.getValue())).as(c.getKey()).isEqualTo("rejects");
      assertThat(ack(c.getKey()).get("status")).as(c.getKey()).isEqualTo("REJECTED");
      assertThat(ack(c.getKey()).get("reason")).as(c.getKey()).startsWith(expected.get(c.getKey()));
      assertThat(rejects(c.getKey()))
          .as(c.getKey())
          .singleElement()
          .asString()
          .contains(expected.get(c.getKey()));
    }
    assertThat(accrual.credited).isZero();
  }

  @Test
  void aFileInAnotherEncodingIsRefusedWithAClearReason() throws IOException {
    byte[] latin1 =
        (header() + "D,T1," + M1 + ",Nguyễn," + DAY + ",STAY_NIGHT,1,,Hôtel\nT,1,1\n")
            .getBytes(java.nio.charset.Charset.forName("windows-1258"));
    assertThat(run("latin.csv", latin1)).isEqualTo("rejects");
    assertThat(ack("latin.csv").get("reason")).startsWith("ENCODING").contains("UTF-8");
    assertThat(accrual.credited).isZero();
  }

  @Test
  void theSameContentUnderAnotherNameIsADuplicate() throws IOException {
    String content = header() + detail("T1", M1, "1") + "T,1,1\n";
    run("a.csv", content);
    assertThat(run("b.csv", content)).isEqualTo("rejects");
    assertThat(ack("b.csv")).containsEntry("status", "DUPLICATE");
    assertThat(accrual.credited).isEqualTo(1);
  }

  @Test
  void anEnormousLineIsRejectedAloneWithoutBeingHeldInMemory() throws IOException {
    String content =
        header()
            + detail("T1", M1, "1")
            + "D,HUGE,"
            + "x".repeat(5_000_000)
            + "\n"
            + detail("T3", M2, "1")
            + "T,3,3\n";
    assertThat(run("huge.csv", content)).isEqualTo("archive");
    assertThat(rejects("huge.csv")).singleElement().asString().startsWith("3,LINE_TOO_LONG");
    assertThat(ack("huge.csv")).containsEntry("accepted", "2").containsEntry("rejected", "1");
  }

  @Test
  void aNulByteRejectsItsRecordAloneAndTheRestIsCredited() throws IOException {
    String content =
        header()
            + detail("T1", M1, "1")
            + detail("T2", M2, "1").replace(",stay", ",st\u0000ay")
            + detail("T3", M1, "1")
            + "T,3,3\n";
    assertThat(run("nul.csv", content)).isEqualTo("archive");
    assertThat(rejects("nul.csv"))
        .singleElement()
        .asString()
        .startsWith("3,CONTROL_CHARACTER,the line has a control character (U+0000) at position");
    assertThat(ack("nul.csv")).containsEntry("accepted", "2").containsEntry("rejected", "1");
    assertThat(accrual.credited).isEqualTo(2);
  }

  @Test
  void aFaultShowsTheFileAsFailedWithItsReason() {
    accrual =
        new FakePartnerAccrual() {
          @Override
          public List<org.openmiles.accrual.api.ActivityResult> credit(
              long fileId, List<PartnerActivity> chunk) {
            throw new IllegalStateException("database down");
          }
        };
    FakePartnerAccrual failing = accrual;
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> run("down.csv", header() + detail("T1", M1, "1") + "T,1,1\n"))
        .hasMessageContaining("database down");
    assertThat(failing.failedFiles).hasSize(1);
    assertThat(failing.failedFiles.values())
        .singleElement()
        .asString()
        .contains("a fault stopped the file", "database down");
  }

  /**
   * ADR 0023 on the file path: a chunk whose transaction PostgreSQL aborts for a deadlock (40P01)
   * is run again, and the file is processed as if nothing happened; it used to stop the file.
   */
  @Test
  void aChunkAbortedByADeadlockIsRunAgainAndTheFileIsProcessed() throws IOException {
    int[] attempts = new int[1];
    accrual =
        new FakePartnerAccrual() {
          @Override
          public List<org.openmiles.accrual.api.ActivityResult> credit(
              long fileId, List<PartnerActivity> chunk) {
            if (attempts[0]++ == 0) { // the whole chunk rolled back, as the database does
              throw new IllegalStateException(
                  "cannot credit", new java.sql.SQLException("deadlock detected", "40P01"));
            }
            return super.credit(fileId, chunk);
          }
        };
    FakePartnerAccrual retried = accrual;
    String content = header() + detail("T1", M1, "1") + detail("T2", M2, "2") + "T,2,3\n";
    assertThat(run("deadlocked.csv", content)).isEqualTo("archive");
    assertThat(attempts[0]).isEqualTo(2);
    assertThat(ack("deadlocked.csv"))
        .containsEntry("status", "PROCESSED")
        .containsEntry("accepted", "2")
        .containsEntry("miles_issued", "30");
    assertThat(retried.credited).isEqualTo(2);
    assertThat(retried.failedFiles).isEmpty();
  }

  @Test
  void aBadByteIsReportedOnItsOwnLine() throws IOException {
    byte[] start = (header() + detail("T1", M1, "1")).getBytes(StandardCharsets.UTF_8);
    byte[] bad = detail("T2", M1, "1").replace("stay", "st?y").getBytes(StandardCharsets.UTF_8);
    bad[bad.length - 3] = (byte) 0xE9; // Latin-1 'é' on line 3
    byte[] end = "T,2,2\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[start.length + bad.length + end.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(bad, 0, all, start.length, bad.length);
    System.arraycopy(end, 0, all, start.length + bad.length, end.length);
    assertThat(run("byte.csv", all)).isEqualTo("rejects");
    assertThat(ack("byte.csv").get("reason"))
        .isEqualTo("ENCODING: line 3 has bytes that are not UTF-8; send the file as UTF-8");
    assertThat(rejects("byte.csv")).singleElement().asString().startsWith("3,ENCODING,");
  }

  @Test
  void partnerMessagesNameNoJavaClasses() throws IOException {
    String content =
        header() + "D,T1," + M1 + ",\"Ngu\"yen\"," + DAY + ",STAY_NIGHT,1,,x\n" + "T,1,1\n";
    run("quote.csv", content);
    assertThat(rejects("quote.csv"))
        .singleElement()
        .asString()
        .startsWith("2,MALFORMED_LINE,")
        .doesNotContain("org.apache", "Exception", "java.");
    run("quoted-header.csv", "H,\"OPENMILES-PARTNER-ACTIVITY,1\n" + "T,0,0\n");
    assertThat(ack("quoted-header.csv").get("reason"))
        .startsWith("MALFORMED_LINE")
        .doesNotContain("org.apache", "Exception", "java.");
  }

  @Test
  void quantitiesAreAsciiDecimalsOnly() throws IOException {
    String content =
        header()
            + detail("T1", M1, "2e0")
            + detail("T2", M1, "1E2")
            + detail("T3", M1, "+1")
            + detail("T4", M1, "\u0663")
            + detail("T5", M1, "\uFF12")
            + detail("T6", M1, "2")
            + "T,6,2\n";
    assertThat(run("numbers.csv", content)).isEqualTo("archive");
    assertThat(rejects("numbers.csv"))
        .extracting(l -> l.substring(0, l.indexOf(',', 2)))
        .containsExactly(
            "2,INVALID_QUANTITY",
            "3,INVALID_QUANTITY",
            "4,INVALID_QUANTITY",
            "5,INVALID_QUANTITY",
            "6,INVALID_QUANTITY");
    assertThat(ack("numbers.csv"))
        .containsEntry("accepted", "1")
        .containsEntry(
            "control_total", "not verifiable: some control amounts are not numbers (see rejects)");
    assertThat(run("trailer.csv", header() + detail("T7", M1, "1") + "T,+1,1\n"))
        .isEqualTo("rejects");
    assertThat(ack("trailer.csv").get("reason")).startsWith("BAD_TRAILER");
  }

  @Test
  void cellsThatASpreadsheetWouldRunAreNeutralisedInTheAnswers() throws IOException {
    String content = header() + "=HYPERLINK(\"http://evil\";\"x\"),1\n" + "T,1,0\n";
    assertThat(run("@evil.csv", content)).isEqualTo("archive");
    List<String> lines =
        Files.readAllLines(outbound().resolve("@evil.csv.rejects.csv")).stream().skip(1).toList();
    assertThat(lines)
        .singleElement()
        .asString()
        .startsWith("2,UNKNOWN_RECORD_TYPE,")
        .endsWith(",\"'=HYPERLINK(\"\"http://evil\"\";\"\"x\"\"),1\"");
    assertThat(Files.readAllLines(outbound().resolve("@evil.csv.ack.csv")))
        .contains("file,\"'@evil.csv\"");
  }

  @Test
  void aSymbolicLinkIsRefusedWithoutBeingRead() throws IOException {
    Path secret = root.resolve("secret.txt");
    Files.writeString(secret, "root:x:0:0:root:/root:/bin/bash\n");
    Path link = root.resolve("link.csv");
    Files.createSymbolicLink(link, secret);
    assertThat(handle(link, "link.csv")).isEqualTo("rejects");
    assertThat(ack("link.csv"))
        .containsEntry("status", "REJECTED")
        .hasEntrySatisfying("reason", r -> assertThat(r).startsWith("NOT_A_REGULAR_FILE"));
    assertThat(outbound().resolve("link.csv.rejects.csv")).doesNotExist();
    assertThat(String.join("\n", Files.readAllLines(outbound().resolve("link.csv.ack.csv"))))
        .doesNotContain("root:");
    assertThat(accrual.files).isEmpty();
  }

  @Test
  void everyEmptyFileIsAnsweredEmptyFileAndNoneIsADuplicate() throws IOException {
    for (String name : List.of("empty-1.csv", "empty-2.csv", "blank.csv", "blank-again.csv")) {
      byte[] content =
          name.startsWith("blank") ? "\n  \n".getBytes(StandardCharsets.UTF_8) : new byte[0];
      assertThat(run(name, content)).as(name).isEqualTo("rejects");
      assertThat(ack(name))
          .as(name)
          .containsEntry("status", "REJECTED")
          .containsKey("file_id")
          .hasEntrySatisfying("reason", r -> assertThat(r).startsWith("EMPTY_FILE: "));
      assertThat(rejects(name)).as(name).singleElement().asString().startsWith("0,EMPTY_FILE,");
    }
    // the acknowledgement still gives the content's checksum: that of no bytes
    assertThat(ack("empty-2.csv"))
        .containsEntry(
            "checksum_sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(accrual.files).hasSize(4);
  }

  @Test
  void aHardLinkIsRefusedWithoutBeingRead() throws IOException {
    Path elsewhere = root.resolve("another-partners-file.txt");
    Files.writeString(elsewhere, header() + detail("SECRET-1", M1, "1") + "T,1,1\n");
    Path link = root.resolve("linked.csv");
    Files.createLink(link, elsewhere);
    assertThat(handle(link, "linked.csv")).isEqualTo("rejects");
    assertThat(ack("linked.csv"))
        .containsEntry("status", "REJECTED")
        .doesNotContainKey("file_id")
        .hasEntrySatisfying("reason", r -> assertThat(r).startsWith("HARD_LINK: "));
    assertThat(outbound().resolve("linked.csv.rejects.csv")).doesNotExist();
    assertThat(accrual.files).isEmpty();
    assertThat(accrual.credited).isZero();
  }
}
