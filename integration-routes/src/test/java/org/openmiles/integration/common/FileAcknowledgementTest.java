package org.openmiles.integration.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmiles.accrual.api.FileSummary;

/**
 * The rows of an acknowledgement, in their order, for each way a read file ends: duplicate, refused
 * whole, processed (resumed or not, with or without reversals, total verified or not).
 */
class FileAcknowledgementTest {
  private static final List<String> HEAD = List.of("file", "partner", "format", "checksum_sha256");
  private static final FileCheck.Result VERIFIED =
      new FileCheck.Result("sum", 3, null, null, 0, null, true);
  private static final FileCheck.Result UNVERIFIED =
      new FileCheck.Result("sum", 3, null, null, 0, null, false);
  private static final FileSummary PLAIN = new FileSummary(3, 2, 0, 0, 1, 500, 50, 0, 0);
  private static final FileSummary REVERSING = new FileSummary(3, 1, 0, 0, 1, 500, 50, 1, 200);

  private static FileAcknowledgement ack() {
    return new FileAcknowledgement(Path.of("outbound"), "f.csv", new TestFeed(), "DEMO", "sum");
  }

  private static List<String> keys(FileAcknowledgement ack) {
    return List.copyOf(ack.entries().keySet());
  }

  @Test
  void namesTheFileItsSenderFormatAndChecksumFirst() {
    assertThat(ack().entries())
        .containsExactly(
            java.util.Map.entry("file", "f.csv"),
            java.util.Map.entry("partner", "DEMO"),
            java.util.Map.entry("format", "TEST-FEED 1"),
            java.util.Map.entry("checksum_sha256", "sum"));
  }

  @Test
  void aDuplicateNamesTheFileReceivedBefore() {
    FileAcknowledgement ack = ack().duplicate(7);
    assertThat(keys(ack)).containsExactly(concat(HEAD, "status", "reason").toArray(String[]::new));
    assertThat(ack.entries())
        .containsEntry("status", "DUPLICATE")
        .containsEntry(
            "reason",
            "the same content was already received (file id 7); nothing was processed again");
  }

  @Test
  void aFileRefusedWholeIssuesNothing() {
    var check =
        new FileCheck.Result("sum", 4, "TRUNCATED_FILE", "the trailer is missing", 5, "", false);
    FileAcknowledgement ack = ack().refused(12, check);
    assertThat(keys(ack))
        .containsExactly(
            concat(HEAD, "file_id", "status", "reason", "records", "miles_issued")
                .toArray(String[]::new));
    assertThat(ack.entries())
        .containsEntry("file_id", 12L)
        .containsEntry("status", "REJECTED")
        .containsEntry("reason", "TRUNCATED_FILE: the trailer is missing")
        .containsEntry("records", 4L)
        .containsEntry("miles_issued", 0);
  }

  static Stream<Arguments> processed() {
    List<String> counts =
        List.of(
            "records",
            "accepted",
            "duplicates",
            "parked",
            "rejected",
            "miles_issued",
            "bonus_miles");
    List<String> reversals = List.of("reversed", "miles_reversed");
    List<String> control = List.of("control_count", "control_total");
    return Stream.of(
        // resumed, summary, check, the keys after file_id and status, control_total
        arguments(false, PLAIN, VERIFIED, join(counts, control), "verified"),
        arguments(true, PLAIN, VERIFIED, join(List.of("note"), counts, control), "verified"),
        arguments(false, REVERSING, VERIFIED, join(counts, reversals, control), "verified"),
        arguments(
            false, PLAIN, UNVERIFIED, join(counts, control), FileAcknowledgement.NOT_VERIFIABLE),
        arguments(
            true,
            REVERSING,
            UNVERIFIED,
            join(List.of("note"), counts, reversals, control),
            FileAcknowledgement.NOT_VERIFIABLE));
  }

  @ParameterizedTest
  @MethodSource
  void processed(
      boolean resumed,
      FileSummary summary,
      FileCheck.Result check,
      List<String> rest,
      String controlTotal) {
    FileAcknowledgement ack = ack().processed(12, resumed, summary, check);
    assertThat(keys(ack)).containsExactlyElementsOf(join(HEAD, List.of("file_id", "status"), rest));
    assertThat(ack.entries())
        .containsEntry("status", "PROCESSED")
        .containsEntry("records", summary.records())
        .containsEntry("accepted", summary.accepted())
        .containsEntry("rejected", summary.rejected())
        .containsEntry("miles_issued", summary.milesIssued())
        .containsEntry("bonus_miles", summary.bonusMiles())
        .containsEntry("control_count", 3L)
        .containsEntry("control_total", controlTotal);
    if (resumed) {
      assertThat(ack.entries()).containsEntry("note", FileAcknowledgement.RESUMED_NOTE);
    }
    if (summary.reversed() > 0) {
      assertThat(ack.entries())
          .containsEntry("reversed", summary.reversed())
          .containsEntry("miles_reversed", summary.milesReversed());
    }
  }

  private static List<String> concat(List<String> head, String... rest) {
    return join(head, List.of(rest));
  }

  @SafeVarargs
  private static List<String> join(List<String>... parts) {
    return Stream.of(parts).flatMap(List::stream).toList();
  }
}
