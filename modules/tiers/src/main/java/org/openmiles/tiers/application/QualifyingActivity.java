package org.openmiles.tiers.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openmiles.accounts.api.events.MembersMerged;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.tiers.api.events.TierChanged;
import org.openmiles.tiers.domain.Counters;
import org.openmiles.tiers.domain.EarnedStatus;
import org.openmiles.tiers.domain.HistoryEntry;
import org.openmiles.tiers.domain.MemberStatuses;
import org.openmiles.tiers.domain.MonthDelta;
import org.openmiles.tiers.domain.QualifyingCounters;
import org.openmiles.tiers.domain.RecordedStatus;
import org.openmiles.tiers.domain.Standing;
import org.openmiles.tiers.domain.TierDefinition;
import org.openmiles.tiers.domain.TierHistory;
import org.openmiles.tiers.domain.TierProgram;

/**
 * Keeps the qualifying counters and makes instant upgrades, in the posting's own transaction: a
 * synchronous observer of {@link MilesPosted}, so a batch and its counters commit or roll back
 * together and the counters always equal the ledger's qualifying activity. A failure here fails the
 * posting.
 *
 * <p>Per batch: one statement adds every entry's qualifying activity to its member's month and
 * lifetime counters (reversals subtract) and returns the lifetime totals; then, for the members
 * whose activity grew, one statement locks their status rows, one per period concerned reads the
 * period and lifetime totals of those whose lifetime totals could change their status, and at most
 * two write the upgrades and their history. A reversal never lowers a status: only the review does.
 * Activity counts in the period of its date: a late credit for an ended period (a December flight
 * credited in January, calendar-year program) can still upgrade for that period, with the validity
 * a status qualified for in it has (ADR 0015).
 */
@ApplicationScoped
public class QualifyingActivity {

  @Inject MemberStatuses statuses;
  @Inject QualifyingCounters counters;
  @Inject TierHistory tierHistory;
  @Inject TierPrograms programs;
  @Inject TierCalendar calendar;
  @Inject Event<TierChanged> tierChanged;

  void onMilesPosted(@Observes MilesPosted posted) {
    record Key(String member, YearMonth month) {}
    Map<Key, MonthDelta> deltas =
        new TreeMap<>(java.util.Comparator.comparing(Key::member).thenComparing(Key::month));
    for (MilesPosted.Entry e : posted.entries()) {
      if (e.qualifying().isNone()) {
        continue;
      }
      String member = e.member().value();
      Key key = new Key(member, YearMonth.from(e.activityDate()));
      deltas.merge(
          key,
          new MonthDelta(
              member,
              key.month(),
              e.qualifying().miles(),
              e.qualifying().flights(),
              e.qualifying().spend()),
          (a, b) ->
              new MonthDelta(
                  member,
                  a.month(),
                  a.miles() + b.miles(),
                  a.flights().add(b.flights()),
                  a.spend().add(b.spend())));
    }
    if (deltas.isEmpty()) {
      return;
    }
    Map<String, Counters> lifetime = counters.addQualifying(new ArrayList<>(deltas.values()));
    LocalDate today = calendar.today();
    TierProgram program = programs.on(today);
    // per period the activity counts for (an ended one for late activity whose status would still
    // be valid, else the current one: activity older than any period still adds to the lifetime
    // miles, which can reach a lifetime tier), the members whose activity in it grew
    LocalDate currentEnd = program.period().periodEnd(today);
    Map<LocalDate, Map<String, Counters>> net = new TreeMap<>();
    for (MonthDelta d : deltas.values()) {
      LocalDate end = program.periodToCheck(d.month().atDay(1), today).orElse(currentEnd);
      net.computeIfAbsent(end, x -> new TreeMap<>())
          .merge(d.member(), new Counters(d.miles(), d.flights(), d.spend()), Counters::plus);
    }
    Map<LocalDate, TreeSet<String>> grew = new TreeMap<>();
    net.forEach(
        (end, byMember) ->
            byMember.forEach(
                (m, c) -> {
                  if (c.miles() > 0 || c.flights().signum() > 0 || c.spend().signum() > 0) {
                    grew.computeIfAbsent(end, x -> new TreeSet<>()).add(m);
                  }
                }));
    if (!grew.isEmpty()) {
      upgrade(program, today, grew, lifetime);
    }
  }

  /**
   * A duplicate member was merged into a survivor (same transaction as the merge, ADR 0019): the
   * survivor's counters take the duplicate's activity month by month (so the current period and
   * lifetime count both), the survivor keeps the higher of the two earned statuses held today, and
   * the combined activity may upgrade it at once. The duplicate's override, if any, is not carried
   * over: a supervisor grants a new one if it should stay.
   */
  void onMembersMerged(@Observes MembersMerged merged) {
    String survivor = merged.survivor().value();
    String duplicate = merged.duplicate().value();
    LocalDate today = calendar.today();
    TierProgram program = programs.on(today);
    TreeSet<String> both = new TreeSet<>(List.of(survivor, duplicate));
    Map<String, Standing> standings = new TreeMap<>();
    statuses
        .lockStandings(both, program.period().firstMonth(today), program.period().lastMonth(today))
        .forEach(st -> standings.put(st.member(), st));
    counters.addCountersOf(duplicate, survivor);
    EarnedStatus mine = earned(standings.get(survivor));
    Optional<EarnedStatus> kept = program.afterMerge(mine, earned(standings.get(duplicate)), today);
    if (kept.isPresent()) {
      EarnedStatus theirs = kept.get();
      String from = mine != null && mine.holdsOn(today) ? mine.tierCode() : program.base().code();
      statuses.saveEarned(Map.of(survivor, theirs));
      tierHistory.insertHistory(
          List.of(
              new HistoryEntry(
                  survivor,
                  from,
                  theirs.tierCode(),
                  "MERGE",
                  "kept the status of merged duplicate " + duplicate,
                  theirs.validUntil())));
      tierChanged.fire(
          new TierChanged(
              List.of(
                  new TierChanged.Change(
                      survivor,
                      from,
                      theirs.tierCode(),
                      "MERGE",
                      theirs.validUntil(),
                      Instant.now()))));
    }
    upgrade(
        program,
        today,
        Map.of(program.period().periodEnd(today), new TreeSet<>(List.of(survivor))),
        Map.of());
  }

  private static EarnedStatus earned(Standing s) {
    return s == null || s.status() == null ? null : s.status().earned();
  }

  /**
   * Upgrades the members whose activity grew in each period (keys: period ends, ascending, so an
   * ended period's status comes first and the current period's, which ends later, can extend it).
   *
   * <p>A member's lifetime counters ({@code lifetime}, from the counter upsert) are at least their
   * counters in any period, and an upgrade needs no less activity when there is more: when even the
   * lifetime totals as the period's would not upgrade or extend the status, the period's standing
   * is not read. Most postings are far from the next threshold, so most members of a batch cost no
   * standing read (ADR 0017, second addendum). A program that counts spend has no lifetime spend to
   * bound with: then every member is read.
   */
  private void upgrade(
      TierProgram program,
      LocalDate today,
      Map<LocalDate, TreeSet<String>> grew,
      Map<String, Counters> lifetime) {
    TreeSet<String> all = new TreeSet<>();
    grew.values().forEach(all::addAll);
    Map<String, RecordedStatus> locked = statuses.lock(all);
    Map<String, EarnedStatus> before = new TreeMap<>();
    Map<String, EarnedStatus> after = new TreeMap<>();
    boolean bounded = !lifetime.isEmpty() && !program.countsSpend();
    grew.forEach(
        (end, members) -> {
          List<String> toRead = new ArrayList<>(members.size());
          for (String m : members) {
            Counters bound = bounded ? lifetime.get(m) : null;
            if (bound != null) {
              RecordedStatus st = locked.get(m);
              EarnedStatus current = after.getOrDefault(m, st == null ? null : st.earned());
              if (program.upgrade(current, bound, bound.miles(), today, end).isEmpty()) {
                continue; // not even its lifetime activity would change its status
              }
            }
            toRead.add(m);
          }
          if (toRead.isEmpty()) {
            return;
          }
          for (Standing s :
              statuses.standings(
                  toRead, program.period().firstMonth(end), program.period().lastMonth(end))) {
            EarnedStatus recorded = s.status() == null ? null : s.status().earned();
            before.putIfAbsent(s.member(), recorded);
            EarnedStatus current = after.getOrDefault(s.member(), recorded);
            program
                .upgrade(current, s.inPeriod(), s.lifetimeMiles(), today, end)
                .ifPresent(up -> after.put(s.member(), up));
          }
        });
    List<HistoryEntry> history = new ArrayList<>();
    List<TierChanged.Change> changes = new ArrayList<>();
    Instant now = Instant.now();
    after.forEach(
        (member, up) -> {
          EarnedStatus current = before.get(member);
          TierDefinition held =
              current != null && current.holdsOn(today)
                  ? program.tierOrBase(current.tierCode())
                  : program.base();
          if (!held.code().equals(up.tierCode())) {
            history.add(
                new HistoryEntry(
                    member,
                    held.code(),
                    up.tierCode(),
                    "UPGRADE",
                    "qualifying activity reached " + up.tierCode(),
                    up.validUntil()));
            changes.add(
                new TierChanged.Change(
                    member, held.code(), up.tierCode(), "UPGRADE", up.validUntil(), now));
          }
        });
    statuses.saveEarned(after);
    tierHistory.insertHistory(history);
    if (!changes.isEmpty()) {
      tierChanged.fire(new TierChanged(changes));
    }
  }
}
