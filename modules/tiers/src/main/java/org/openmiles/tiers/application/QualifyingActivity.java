package org.openmiles.tiers.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
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
import org.openmiles.tiers.domain.EarnedStatus;
import org.openmiles.tiers.domain.TierDefinition;
import org.openmiles.tiers.domain.TierProgram;
import org.openmiles.tiers.infrastructure.JdbcMemberTierRepository;
import org.openmiles.tiers.infrastructure.JdbcMemberTierRepository.HistoryRow;
import org.openmiles.tiers.infrastructure.JdbcMemberTierRepository.MonthDelta;
import org.openmiles.tiers.infrastructure.JdbcMemberTierRepository.Standing;

/**
 * Keeps the qualifying counters and makes instant upgrades, in the posting's own transaction: a
 * synchronous observer of {@link MilesPosted}, so a batch and its counters commit or roll back
 * together and the counters always equal the ledger's qualifying activity. A failure here fails the
 * posting.
 *
 * <p>Per batch: one statement adds every entry's qualifying activity to its member's month and
 * lifetime counters (reversals subtract); then, for the members whose activity grew, one statement
 * locks their status rows, one reads their period and lifetime totals, and at most two write the
 * upgrades and their history. A reversal never lowers a status: only the review does.
 */
@ApplicationScoped
public class QualifyingActivity {

  @Inject JdbcMemberTierRepository repository;
  @Inject TierPrograms programs;
  @Inject TierCalendar calendar;
  @Inject Event<TierChanged> tierChanged;

  void onMilesPosted(@Observes MilesPosted posted) {
    record Key(String member, YearMonth month) {}
    Map<Key, MonthDelta> deltas =
        new TreeMap<>(java.util.Comparator.comparing(Key::member).thenComparing(Key::month));
    Map<String, long[]> netMiles = new TreeMap<>();
    Map<String, BigDecimal> netFlights = new TreeMap<>();
    for (MilesPosted.Entry e : posted.entries()) {
      if (e.qualifying().isNone()) {
        continue;
      }
      String member = e.member().value();
      Key key = new Key(member, YearMonth.from(e.activityDate()));
      deltas.merge(
          key,
          new MonthDelta(member, key.month(), e.qualifying().miles(), e.qualifying().flights()),
          (a, b) ->
              new MonthDelta(
                  member, a.month(), a.miles() + b.miles(), a.flights().add(b.flights())));
      netMiles.computeIfAbsent(member, m -> new long[1])[0] += e.qualifying().miles();
      netFlights.merge(member, e.qualifying().flights(), BigDecimal::add);
    }
    if (deltas.isEmpty()) {
      return;
    }
    repository.addQualifying(new ArrayList<>(deltas.values()));
    TreeSet<String> grew = new TreeSet<>();
    netMiles.forEach(
        (m, miles) -> {
          if (miles[0] > 0 || netFlights.get(m).signum() > 0) {
            grew.add(m);
          }
        });
    if (!grew.isEmpty()) {
      upgrade(grew);
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
    repository
        .lockStandings(both, program.period().firstMonth(today), program.period().lastMonth(today))
        .forEach(st -> standings.put(st.member(), st));
    repository.addCountersOf(duplicate, survivor);
    EarnedStatus mine = earned(standings.get(survivor));
    Optional<EarnedStatus> kept = program.afterMerge(mine, earned(standings.get(duplicate)), today);
    if (kept.isPresent()) {
      EarnedStatus theirs = kept.get();
      String from = mine != null && mine.holdsOn(today) ? mine.tierCode() : program.base().code();
      repository.saveEarned(Map.of(survivor, theirs));
      repository.insertHistory(
          List.of(
              new HistoryRow(
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
    upgrade(new TreeSet<>(List.of(survivor)));
  }

  private static EarnedStatus earned(Standing s) {
    return s == null || s.status() == null ? null : s.status().earned();
  }

  private void upgrade(TreeSet<String> members) {
    LocalDate today = calendar.today();
    TierProgram program = programs.on(today);
    List<Standing> standings =
        repository.lockStandings(
            members, program.period().firstMonth(today), program.period().lastMonth(today));
    Map<String, EarnedStatus> changed = new TreeMap<>();
    List<HistoryRow> history = new ArrayList<>();
    List<TierChanged.Change> changes = new ArrayList<>();
    Instant now = Instant.now();
    for (Standing s : standings) {
      EarnedStatus current = s.status() == null ? null : s.status().earned();
      Optional<EarnedStatus> next =
          program.upgrade(current, s.inPeriod(), s.lifetimeMiles(), today);
      if (next.isEmpty()) {
        continue;
      }
      EarnedStatus up = next.get();
      changed.put(s.member(), up);
      TierDefinition held =
          current != null && current.holdsOn(today)
              ? program.tierOrBase(current.tierCode())
              : program.base();
      if (!held.code().equals(up.tierCode())) {
        history.add(
            new HistoryRow(
                s.member(),
                held.code(),
                up.tierCode(),
                "UPGRADE",
                "qualifying activity reached " + up.tierCode(),
                up.validUntil()));
        changes.add(
            new TierChanged.Change(
                s.member(), held.code(), up.tierCode(), "UPGRADE", up.validUntil(), now));
      }
    }
    repository.saveEarned(changed);
    repository.insertHistory(history);
    if (!changes.isEmpty()) {
      tierChanged.fire(new TierChanged(changes));
    }
  }
}
