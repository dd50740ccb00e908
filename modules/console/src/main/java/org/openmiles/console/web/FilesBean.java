package org.openmiles.console.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.accrual.api.PartnerFileView;
import org.openmiles.accrual.api.PartnerSettlement;

/**
 * The partner file monitor: each active partner's most recent files and what became of them,
 * filtered by partner and status, with a count per status so that a failed or still-processing file
 * stands out.
 */
@Named
@ViewScoped
public class FilesBean implements Serializable {
  static final int PER_PARTNER = 20;

  /** The statuses a received file can have, in the order the filter offers them. */
  static final List<String> STATUSES = List.of("PROCESSING", "DONE", "REJECTED", "FAILED");

  @Inject PartnerAccrual partners;
  @Inject PartnerSettlement settlement;

  private List<PartnerFileView> all = List.of();
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
    all = files;
    count();
  }

  /** The files the filters let through, newest first. */
  public List<PartnerFileView> getFiles() {
    return all.stream()
        .filter(f -> partner == null || partner.equals(f.partnerCode()))
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
        .filter(f -> partner == null || partner.equals(f.partnerCode()))
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
