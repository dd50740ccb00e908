package org.openmiles.console.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.accrual.api.PartnerFileView;
import org.openmiles.accrual.api.PartnerSettlement;

/**
 * The partner file monitor: each active partner's most recent files and what became of them,
 * filtered by partner and status, with a count per status so that a failed, stuck or empty file
 * stands out. Stuck and empty are what the monitor makes of a file's stored state ({@link #shown}):
 * still processing long after it came in, and done without a single record.
 */
@Named
@ViewScoped
public class FilesBean implements Serializable {
  static final int PER_PARTNER = 20;

  /** The statuses the monitor shows, in the order the filter offers them. */
  static final List<String> STATUSES =
      List.of("PROCESSING", "STUCK", "DONE", "EMPTY", "REJECTED", "FAILED");

  /**
   * A file still processing this long after it came in is shown as stuck: an interrupted file is
   * resumed about 30 s after its server stopped (the files lease), and a large one takes minutes.
   */
  static final Duration STUCK_AFTER = Duration.ofMinutes(15);

  /** A file as the monitor shows it: its status and reason, stuck and empty made plain. */
  public record ShownFile(PartnerFileView file, String status, String reason) {}

  static ShownFile shown(PartnerFileView f, Instant now) {
    if ("PROCESSING".equals(f.status()) && f.receivedAt().plus(STUCK_AFTER).isBefore(now)) {
      long minutes = Duration.between(f.receivedAt(), now).toMinutes();
      return new ShownFile(
          f,
          "STUCK",
          "Still processing %d minutes after it came in. Check that a server is up (the runbook's"
                  .formatted(minutes)
              + " partner files section shows who works on it); a stopped one's file is resumed"
              + " by another within a minute.");
    }
    if ("DONE".equals(f.status()) && f.records() != null && f.records() == 0) {
      return new ShownFile(
          f,
          "EMPTY",
          "The file has no records: ask the partner whether activity is missing and to resend it.");
    }
    return new ShownFile(f, f.status(), f.reason());
  }

  @Inject PartnerAccrual partners;
  @Inject PartnerSettlement settlement;
  @Inject AirlineTime time;

  private List<ShownFile> all = List.of();
  private List<String> partnerCodes = List.of();
  private String partner;
  private String status;
  private Map<String, Long> counts = Map.of();

  @PostConstruct
  void init() {
    List<PartnerFileView> files = new ArrayList<>();
    partnerCodes = partners.activePartnerCodes().stream().sorted().toList();
    for (String code : partnerCodes) {
      files.addAll(settlement.recentFiles(code, PER_PARTNER));
    }
    files.sort((a, b) -> b.receivedAt().compareTo(a.receivedAt()));
    Instant now = time.now();
    all = files.stream().map(f -> shown(f, now)).toList();
    count();
  }

  /** The files the filters let through, newest first. */
  public List<ShownFile> getFiles() {
    return all.stream()
        .filter(f -> partner == null || partner.equals(f.file().partnerCode()))
        .filter(f -> status == null || status.equals(f.status()))
        .toList();
  }

  /**
   * How many of the files the partner filter lets through have each status ("FAILED" → 2); counted
   * when the files or the partner change, not at each of the page's reads.
   */
  public Map<String, Long> getCounts() {
    return counts;
  }

  private void count() {
    Map<String, Long> c = new LinkedHashMap<>();
    STATUSES.forEach(s -> c.put(s, 0L));
    all.stream()
        .filter(f -> partner == null || partner.equals(f.file().partnerCode()))
        .forEach(f -> c.merge(f.status(), 1L, Long::sum));
    counts = c;
  }

  public List<String> getPartners() {
    return partnerCodes;
  }

  public List<String> getStatuses() {
    return STATUSES;
  }

  public String getPartner() {
    return partner;
  }

  public void setPartner(String partner) {
    this.partner = partner == null || partner.isBlank() ? null : partner;
    count();
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status == null || status.isBlank() ? null : status;
  }
}
