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

  @PostConstruct
  void init() {
    List<PartnerFileView> files = new ArrayList<>();
    partnerCodes = partners.activePartnerCodes().stream().sorted().toList();
    for (String code : partnerCodes) {
      files.addAll(settlement.recentFiles(code, PER_PARTNER));
    }
    files.sort((a, b) -> b.receivedAt().compareTo(a.receivedAt()));
    all = files;
  }

  /** The files the filters let through, newest first. */
  public List<PartnerFileView> getFiles() {
    return all.stream()
        .filter(f -> partner == null || partner.equals(f.partnerCode()))
        .filter(f -> status == null || status.equals(f.status()))
        .toList();
  }

  /** How many of the files the partner filter lets through have each status ("FAILED" → 2). */
  public Map<String, Long> getCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    STATUSES.forEach(s -> counts.put(s, 0L));
    all.stream()
        .filter(f -> partner == null || partner.equals(f.partnerCode()))
        .forEach(f -> counts.merge(f.status(), 1L, Long::sum));
    return counts;
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
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status == null || status.isBlank() ? null : status;
  }
}
