package org.openmiles.console.web;

import jakarta.enterprise.event.Observes;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.LedgerEntryView;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.StatementPage;
import org.openmiles.accounts.api.StatementQuery;

/**
 * The Statement tab of member 360: the member's ledger entries, filtered by dates and type, in
 * keyset pages of {@value #STATEMENT_PAGE} (newest first). It starts again at the first page
 * whenever the member is read afresh, keeping the filter.
 */
@Named
@ViewScoped
public class MemberStatementTab implements Serializable {
  static final int STATEMENT_PAGE = 20;

  @Inject MilesLedger ledger;
  @Inject MemberPage page;

  private final StatementCursors cursors = new StatementCursors();
  private List<LedgerEntryView> entries = List.of();
  private LocalDate from;
  private LocalDate to;
  private EntryType type;

  void onShown(@Observes MemberShown shown) {
    filterStatement();
  }

  private void loadStatement(String cursor) {
    try {
      Set<EntryType> types = type == null ? Set.of() : EnumSet.of(type);
      StatementPage p =
          ledger.statement(
              new StatementQuery(page.memberNumber(), from, to, types, cursor, STATEMENT_PAGE));
      entries = p.entries();
      cursors.loaded(p.nextCursor());
    } catch (RuntimeException e) {
      Messages.refused("Statement", e);
    }
  }

  public void filterStatement() {
    loadStatement(cursors.first());
  }

  public void olderEntries() {
    if (cursors.hasOlder()) {
      loadStatement(cursors.older());
    }
  }

  public void newerEntries() {
    if (cursors.hasNewer()) {
      loadStatement(cursors.newer());
    }
  }

  public boolean isHasOlder() {
    return cursors.hasOlder();
  }

  public boolean isHasNewer() {
    return cursors.hasNewer();
  }

  public int getStatementPageNumber() {
    return cursors.pageNumber();
  }

  public List<EntryType> getEntryTypes() {
    return List.of(EntryType.values());
  }

  public List<LedgerEntryView> getEntries() {
    return entries;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public EntryType getType() {
    return type;
  }

  public void setType(EntryType type) {
    this.type = type;
  }
}
