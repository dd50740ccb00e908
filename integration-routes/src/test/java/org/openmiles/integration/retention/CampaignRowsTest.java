package org.openmiles.integration.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.integration.common.OutboundFiles;
import org.openmiles.retention.api.CampaignAudienceRow;

class CampaignRowsTest {
  private static final MemberNumber NUMBER = MemberNumber.fromSequence(100_000_001L);

  private static MemberView member(MemberStatus status, String email, String phone) {
    return new MemberView(
        NUMBER,
        "An",
        "Nguyen",
        email,
        phone,
        LocalDate.of(1980, 1, 1),
        "VN",
        true,
        status,
        null,
        Instant.EPOCH,
        Instant.EPOCH,
        null);
  }

  private static CampaignAudienceRow row(String channel) {
    return new CampaignAudienceRow(
        1, NUMBER.value(), channel, "At risk", "P(alive) 0.12 is below 0.30", "We miss you");
  }

  @Test
  void theAddressIsTheChannelsAndNothingElseAboutTheMemberGoesOut() {
    MemberView m = member(MemberStatus.ACTIVE, "an@example.org", "+84901234567");
    assertThat(CampaignRows.row(row("EMAIL"), m))
        .contains(
            List.of(
                NUMBER.value(),
                "An",
                "Nguyen",
                "EMAIL",
                "an@example.org",
                "At risk",
                "P(alive) 0.12 is below 0.30",
                "We miss you"));
    assertThat(CampaignRows.row(row("SMS"), m).orElseThrow().get(4)).isEqualTo("+84901234567");
    assertThat(CampaignRows.row(row("OTT"), m).orElseThrow().get(4)).isEqualTo(NUMBER.value());
    assertThat(CampaignRows.row(row("PUSH"), m).orElseThrow().get(4)).isEqualTo(NUMBER.value());
    assertThat(CampaignRows.row(row("EMAIL"), m).orElseThrow())
        .hasSameSizeAs(CampaignRows.HEADER)
        .doesNotContain("1980-01-01", "VN");
  }

  @Test
  void noAddressForTheChannelOrNotActiveLeavesTheMemberOut() {
    assertThat(CampaignRows.row(row("SMS"), member(MemberStatus.ACTIVE, "a@example.org", null)))
        .isEmpty();
    assertThat(CampaignRows.row(row("EMAIL"), member(MemberStatus.CLOSED, "a@example.org", null)))
        .isEmpty();
    assertThat(CampaignRows.row(row("EMAIL"), null)).isEmpty();
  }

  @Test
  void theFileIsNamedByCampaignDateAndRunAndWrittenThroughCsvCells(@TempDir Path dir)
      throws IOException {
    String name = CampaignRows.fileName("WIN_BACK", LocalDate.of(2026, 12, 7), 42);
    assertThat(name).isEqualTo("WIN_BACK-2026-12-07-run42.csv");
    MemberView m = member(MemberStatus.ACTIVE, "an@example.org", "+84901234567");
    long rows =
        OutboundFiles.writeCsv(
            dir,
            name,
            CampaignRows.HEADER.toArray(),
            sink -> sink.row(CampaignRows.row(row("SMS"), m).orElseThrow().toArray()));
    assertThat(rows).isEqualTo(1);
    assertThat(Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8))
        .containsExactly(
            "member,first_name,last_name,channel,channel_address,segment,reasons,offer",
            NUMBER.value()
                + ",An,Nguyen,SMS,\"'+84901234567\",At risk,P(alive) 0.12 is below 0.30,We miss"
                + " you");
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void aFailingWriteLeavesNoFile(@TempDir Path dir) throws IOException {
    try {
      OutboundFiles.writeCsv(
          dir,
          "x.csv",
          CampaignRows.HEADER.toArray(),
          sink -> {
            throw new IllegalStateException("database gone");
          });
    } catch (IllegalStateException expected) {
      // the caller sees the failure
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
