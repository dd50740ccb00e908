package org.openmiles.retention.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.retention.api.MemberFactsView;

/** The member facts tables (live, or the rebuild's scratch copies), one statement per change. */
public interface MemberFactRepository {
  /**
   * Adds the members' deltas to their totals (creating their rows), {@code newDays} (per member) to
   * their activity days.
   */
  void addTotals(FactTables t, List<FactDeltas.MemberDelta> members, Map<String, Integer> newDays);

  /**
   * Adds the day deltas and drops the days a reversal has emptied; answers, per member, how many of
   * the days were not stored before.
   */
  Map<String, Integer> addDays(FactTables t, List<FactDeltas.DayDelta> days);

  /** Adds the partner category deltas; drops the categories a reversal has emptied. */
  void addCategories(FactTables t, List<FactDeltas.CategoryDelta> categories);

  /** Sets the members' activity totals (first, last, days, flights, revenue) from their days. */
  void refreshActivity(FactTables t, Collection<String> members);

  /** Records enrollment dates. */
  void enrolled(FactTables t, List<Enrollment> enrollments);

  /** Moves every fact of {@code duplicate} to {@code survivor} (a merge, ADR 0019). */
  void merge(FactTables t, String duplicate, String survivor);

  /** Appends a batch's activities to the facts' journal (ADR 0041). */
  void journal(List<FactDeltas.Activity> activities);

  /**
   * Takes up to {@code limit} committed rows out of the journal and adds them to the kept facts, in
   * this transaction, holding the folder's lock to its end; answers the rows folded. {@code wait}
   * waits for another folder, else answers -1 while one folds.
   */
  long foldJournal(int limit, boolean wait);

  /** Gives a merged duplicate's journal rows to the survivor, holding the folder's lock. */
  void moveJournal(String duplicate, String survivor);

  /**
   * The journal's rows ever inserted and rows pending (inserted less deleted), by PostgreSQL's
   * cumulative statistics (they lag the commits by up to a second, and start again from zero after
   * a crash).
   */
  JournalStatistics journalStatistics();

  /** Rows ever inserted into the journal, and rows in it now. */
  record JournalStatistics(long insertions, long pending) {}

  /** Empties the tables (the rebuild's scratch copies before a rebuild). */
  void clear(FactTables t);

  /** How the rebuilt facts differ from the kept ones, with up to {@code examples} members. */
  Differences compare(int examples);

  /** Replaces the kept facts by the rebuilt ones. */
  void replaceLiveByRebuilt();

  /** Members with facts in {@code t}. */
  long members(FactTables t);

  /** One member's kept facts. */
  Optional<MemberFactsView> find(String member, String currency);

  /** A member's enrollment date. */
  record Enrollment(String member, LocalDate on) {}

  /** Rows that differ between the kept and the rebuilt facts, per table, and a few members. */
  record Differences(long members, long days, long categories, List<String> examples) {}
}
