package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmiles.accounts.api.events.MemberEnrolled;
import org.openmiles.accounts.api.events.MembersMerged;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.accrual.api.ActivityOrigin;
import org.openmiles.accrual.api.ActivityOrigins;
import org.openmiles.retention.domain.FactDeltas;
import org.openmiles.retention.domain.FactTables;
import org.openmiles.retention.domain.MemberFactRepository;

/**
 * Keeps the members' facts in the transaction that makes them true: synchronous observers of the
 * accounts module's events, so a posting and its facts commit or roll back together and the facts
 * never drift from the ledger (ADR 0037). Per batch of entries: one lookup of the activities'
 * origins (accrual's api; none for what the crediting chunk handed over) and one insertion into the
 * facts' journal, whatever the batch's size (ADR 0041); the {@link FactsFolder} later applies the
 * journal with three statements per page: the days (counting the new ones), the members' totals
 * (added to, not counted again), the partner categories; a reversal adds a recount of its members'
 * totals. With {@code openmiles.retention.facts.journal=false} a batch applies its deltas itself,
 * as the rebuild does.
 */
@ApplicationScoped
public class MemberFactsKeeper {
  @Inject ActivityOrigins origins;
  @Inject MemberFactRepository facts;
  @Inject FactsSettings settings;

  void onMilesPosted(@Observes MilesPosted posted) {
    if (!settings.keepsFacts()) {
      return;
    }
    if (!settings.journals()) {
      apply(FactTables.LIVE, posted.entries());
      return;
    }
    List<FactDeltas.Activity> activities =
        FactDeltas.activities(posted.entries(), origins(posted.entries()));
    facts.journal(activities);
  }

  void onEnrolled(@Observes MemberEnrolled enrolled) {
    if (!settings.keepsFacts()) {
      return;
    }
    facts.enrolled(
        FactTables.LIVE,
        List.of(
            new MemberFactRepository.Enrollment(
                enrolled.member().value(), settings.dateOf(enrolled.enrolledAt()))));
  }

  void onMerged(@Observes MembersMerged merged) {
    if (!settings.keepsFacts()) {
      return;
    }
    facts.moveJournal(merged.duplicate().value(), merged.survivor().value());
    facts.merge(FactTables.LIVE, merged.duplicate().value(), merged.survivor().value());
  }

  /** Applies a batch of ledger entries to the facts in {@code tables}. */
  void apply(FactTables tables, List<MilesPosted.Entry> entries) {
    FactDeltas deltas = FactDeltas.of(entries, origins(entries));
    if (deltas.isEmpty()) {
      return;
    }
    Map<String, Integer> newDays = facts.addDays(tables, deltas.days());
    facts.addTotals(tables, deltas.members(), newDays);
    facts.addCategories(tables, deltas.categories());
    Set<String> losing = deltas.membersLosingActivity();
    if (!losing.isEmpty()) {
      facts.refreshActivity(tables, losing);
    }
  }

  /** The origins of the activities among {@code entries}, looked up once per batch. */
  private Map<String, ActivityOrigin> origins(List<MilesPosted.Entry> entries) {
    Set<String> bases = FactDeltas.baseReferences(entries);
    return bases.isEmpty() ? Map.of() : origins.of(bases, settings.currency());
  }
}
