package org.openmiles.integration.retention;

import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.retention.api.CampaignAudienceRow;

/**
 * One outbound campaign row (docs/file-formats.md "Campaign audience"): member number, first and
 * last name, channel, channel address, segment, reasons, suggested offer. Nothing else about the
 * member goes out: no birth date, country, balance, scores or the other channels' addresses. The
 * address is the e-mail for EMAIL, the phone for SMS, the member number for OTT and PUSH (the chat
 * and push tools address members by number). A member who is not ACTIVE, or has no address for the
 * channel, is left out.
 */
public final class CampaignRows {
  public static final List<String> HEADER =
      List.of(
          "member",
          "first_name",
          "last_name",
          "channel",
          "channel_address",
          "segment",
          "reasons",
          "offer");

  /** The same fields in the webhook's JSON rows. */
  public static final List<String> JSON_FIELDS =
      List.of(
          "member",
          "firstName",
          "lastName",
          "channel",
          "channelAddress",
          "segment",
          "reasons",
          "offer");

  private CampaignRows() {}

  /** The fields that leave, as the export audit records them. */
  public static String fields() {
    return String.join(",", HEADER);
  }

  /** The row's cells, in {@link #HEADER} order; empty if the member is not to be contacted. */
  public static Optional<List<String>> row(CampaignAudienceRow row, MemberView member) {
    if (member == null || member.status() != MemberStatus.ACTIVE) {
      return Optional.empty();
    }
    String address =
        switch (row.channel()) {
          case "EMAIL" -> member.email();
          case "SMS" -> member.phone();
          default -> member.number().value();
        };
    if (address == null || address.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        List.of(
            row.member(),
            nz(member.firstName()),
            nz(member.lastName()),
            row.channel(),
            address,
            nz(row.segment()),
            nz(row.reasons()),
            nz(row.offer())));
  }

  /** The file of a campaign in a run: {@code <campaign>-<yyyy-MM-dd>-run<id>.csv}. */
  public static String fileName(String campaign, java.time.LocalDate runDate, long runId) {
    return campaign + "-" + runDate + "-run" + runId + ".csv";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
