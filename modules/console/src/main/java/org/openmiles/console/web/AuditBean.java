package org.openmiles.console.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.openmiles.console.application.AuditTrail;
import org.openmiles.console.domain.AuditEntry;
import org.openmiles.console.domain.AuditQuery;

/** The audit log, newest first, filtered by member, user or action, 50 entries a page. */
@Named
@ViewScoped
public class AuditBean implements Serializable {
  static final int PAGE = 50;

  @Inject AuditTrail audit;

  private String member;
  private String actor;
  private String action;
  private List<AuditEntry> entries = List.of();
  private final List<Long> pageStarts = new ArrayList<>();

  @PostConstruct
  void init() {
    search();
  }

  public void search() {
    pageStarts.clear();
    load(0);
  }

  public void older() {
    if (entries.size() == PAGE) {
      long before = entries.get(entries.size() - 1).id();
      pageStarts.add(before);
      load(before);
    }
  }

  public void newer() {
    if (!pageStarts.isEmpty()) {
      pageStarts.remove(pageStarts.size() - 1);
      load(pageStarts.isEmpty() ? 0 : pageStarts.get(pageStarts.size() - 1));
    }
  }

  private void load(long beforeId) {
    entries = audit.find(new AuditQuery(member, actor, action, beforeId, PAGE));
  }

  public boolean isHasOlder() {
    return entries.size() == PAGE;
  }

  public boolean isHasNewer() {
    return !pageStarts.isEmpty();
  }

  public List<AuditEntry> getEntries() {
    return entries;
  }

  public String getMember() {
    return member;
  }

  public void setMember(String member) {
    this.member = member;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }
}
