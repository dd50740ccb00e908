package org.openmiles.console.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.accrual.api.PartnerFileView;
import org.openmiles.accrual.api.PartnerSettlement;

/** The partner file monitor: each active partner's most recent files and what became of them. */
@Named
@ViewScoped
public class FilesBean implements Serializable {
  static final int PER_PARTNER = 20;

  @Inject PartnerAccrual partners;
  @Inject PartnerSettlement settlement;

  private List<PartnerFileView> files = List.of();

  @PostConstruct
  void init() {
    List<PartnerFileView> all = new ArrayList<>();
    for (String code : partners.activePartnerCodes()) {
      all.addAll(settlement.recentFiles(code, PER_PARTNER));
    }
    all.sort((a, b) -> b.receivedAt().compareTo(a.receivedAt()));
    files = all;
  }

  public List<PartnerFileView> getFiles() {
    return files;
  }
}
