package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.openmiles.accounts.api.LedgerReplay;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.retention.api.FactsRebuildReport;
import org.openmiles.retention.api.MemberFacts;
import org.openmiles.retention.api.MemberFactsView;
import org.openmiles.retention.domain.FactTables;
import org.openmiles.retention.domain.MemberFactRepository;

/**
 * The kept facts, and their proof: the rebuild reads the member register and the whole ledger
 * through the accounts module's api ({@link LedgerReplay}), page by page, and applies them with the
 * very code the events go through ({@link MemberFactsKeeper#apply}) to scratch copies of the
 * tables, then applies the merges in the order they happened and compares. One transaction: a
 * repair replaces the kept facts only if the whole rebuild succeeded.
 */
@ApplicationScoped
public class DefaultMemberFacts implements MemberFacts {
  private static final Logger LOG = Logger.getLogger(DefaultMemberFacts.class.getName());
  private static final int PAGE = 5_000;
  private static final int EXAMPLES = 20;

  @Inject LedgerReplay replay;
  @Inject MemberService members;
  @Inject MemberFactsKeeper keeper;
  @Inject MemberFactRepository facts;
  @Inject FactsSettings settings;
  @Inject FactsFolder folder;

  @Override
  @Transactional
  public Optional<MemberFactsView> of(MemberNumber member) {
    members.get(member); // MEMBER_NOT_FOUND for a number nobody holds
    return Optional.of(
        facts.find(member.value(), settings.currency()).orElseGet(() -> empty(member.value())));
  }

  private MemberFactsView empty(String member) {
    return new MemberFactsView(
        member,
        null,
        null,
        null,
        0,
        java.math.BigDecimal.ZERO,
        0,
        java.math.BigDecimal.ZERO,
        settings.currency(),
        0,
        0,
        List.of());
  }

  @Override
  public long foldJournalIfDue() {
    return folder.foldIfDue();
  }

  @Override
  @Transactional
  public FactsRebuildReport rebuild(boolean repair) {
    long started = System.nanoTime();
    folder.foldAll(); // the kept facts whole, in their tables (each page commits on its own)
    facts.clear(FactTables.REBUILD);
    List<LedgerReplay.RegisteredMember> merged = new ArrayList<>();
    long registered = 0;
    String after = "";
    for (List<LedgerReplay.RegisteredMember> page = replay.membersAfter(after, PAGE);
        !page.isEmpty();
        page = replay.membersAfter(after, PAGE)) {
      facts.enrolled(
          FactTables.REBUILD,
          page.stream()
              .map(
                  m ->
                      new MemberFactRepository.Enrollment(
                          m.number().value(), settings.dateOf(m.enrolledAt())))
              .toList());
      page.stream().filter(m -> m.mergedInto() != null).forEach(merged::add);
      registered += page.size();
      after = page.get(page.size() - 1).number().value();
    }
    long read = 0;
    long last = 0;
    for (List<MilesPosted.Entry> page = replay.entriesAfter(last, PAGE);
        !page.isEmpty();
        page = replay.entriesAfter(last, PAGE)) {
      keeper.apply(FactTables.REBUILD, page);
      read += page.size();
      last = page.get(page.size() - 1).entryId();
    }
    merged.sort(
        Comparator.comparing(
            LedgerReplay.RegisteredMember::mergedAt,
            Comparator.nullsFirst(Comparator.naturalOrder())));
    for (LedgerReplay.RegisteredMember m : merged) {
      facts.merge(FactTables.REBUILD, m.number().value(), m.mergedInto().value());
    }
    MemberFactRepository.Differences d = facts.compare(EXAMPLES);
    boolean differs = d.members() + d.days() + d.categories() > 0;
    if (repair && differs) {
      facts.replaceLiveByRebuilt();
    }
    FactsRebuildReport report =
        new FactsRebuildReport(
            read,
            last,
            registered,
            d.members(),
            d.days(),
            d.categories(),
            d.examples(),
            repair && differs,
            (System.nanoTime() - started) / 1_000_000);
    LOG.info(
        () ->
            "retention facts rebuilt from "
                + report.entriesRead()
                + " ledger entries and "
                + report.members()
                + " members in "
                + report.millis()
                + " ms: "
                + (report.matches()
                    ? "the kept facts match"
                    : report.membersDiffering()
                        + " members, "
                        + report.daysDiffering()
                        + " days and "
                        + report.categoriesDiffering()
                        + " categories differ"
                        + (report.repaired() ? "; the kept facts were replaced" : "")));
    return report;
  }
}
