package org.openmiles.retention.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.ValidationException;
import org.openmiles.common.observability.Correlation;
import org.openmiles.common.observability.Node;
import org.openmiles.common.outbox.Outbox;
import org.openmiles.common.time.AirlineZone;
import org.openmiles.redemption.api.ExpiryServices;
import org.openmiles.retention.api.CampaignAudiencePage;
import org.openmiles.retention.api.CampaignAudienceRow;
import org.openmiles.retention.api.CampaignCount;
import org.openmiles.retention.api.CampaignExports;
import org.openmiles.retention.api.CampaignRunInProgressException;
import org.openmiles.retention.api.CampaignRunNotFoundException;
import org.openmiles.retention.api.CampaignRunView;
import org.openmiles.retention.api.CampaignView;
import org.openmiles.retention.api.Campaigns;
import org.openmiles.retention.api.SuppressionNotFoundException;
import org.openmiles.retention.api.SuppressionView;
import org.openmiles.retention.api.UnknownCampaignException;
import org.openmiles.retention.api.events.CampaignRunFinished;
import org.openmiles.retention.domain.CampaignStore;
import org.openmiles.tiers.api.TierService;
import org.openmiles.tiers.api.TierStatusView;

/**
 * Campaign runs (docs/retention.md "Campaigns", ADR 0038). A run is claimed (one at a time in the
 * cluster), then gathers the candidates that only other modules' api know (near the next tier:
 * tiers' status of at most {@code tier-candidates} consenting, scored members; miles expiring:
 * redemption's list, at most {@code expiring-max} members), then selects every active campaign's
 * audience in ONE transaction: each campaign one INSERT ... SELECT into the campaign outbox, the
 * counts, the run DONE and the {@link CampaignRunFinished} outbox event that writes the files. A
 * failure leaves nothing selected and the run FAILED with its cause.
 */
@ApplicationScoped
public class DefaultCampaigns implements Campaigns, CampaignExports {
  private static final Logger LOG = Logger.getLogger(DefaultCampaigns.class.getName());
  private static final int EXPIRY_PAGE = 500;

  @Inject CampaignStore store;
  @Inject ScoringTransactions tx;
  @Inject FactsFolder folder;
  @Inject AirlineZone calendar;
  @Inject Members members;
  @Inject TierService tiers;
  @Inject ExpiryServices expiry;
  @Inject Outbox outbox;

  @Resource ManagedExecutorService executor;

  final RunningHere here = new RunningHere();

  @Inject
  @ConfigProperty(name = "openmiles.retention.campaigns.stale-minutes", defaultValue = "30")
  int staleMinutes;

  @Inject
  @ConfigProperty(name = "openmiles.retention.campaigns.tier-candidates", defaultValue = "2000")
  int tierCandidates;

  @Inject
  @ConfigProperty(name = "openmiles.retention.campaigns.tier-miles-needed", defaultValue = "5000")
  long tierMilesNeeded;

  @Inject
  @ConfigProperty(name = "openmiles.retention.campaigns.expiring-max", defaultValue = "20000")
  int expiringMax;

  @Override
  public List<CampaignView> catalogue() {
    LocalDate today = calendar.today();
    return tx.inNewTransaction(() -> store.catalogue(today));
  }

  @Override
  public CampaignRunView start(String requestedBy) {
    LocalDate today = calendar.today();
    long run = claim("ON_DEMAND", today, requestedBy);
    executor.submit(
        () -> {
          try (Correlation.Scope s =
              Correlation.open(Correlation.newId("job-retention-campaigns"))) {
            execute(run, today);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "campaign run " + run + " failed", e);
          }
        });
    return run(run);
  }

  @Override
  public CampaignRunView runNow(String trigger) {
    LocalDate today = calendar.today();
    long run = claim(trigger, today, null);
    execute(run, today);
    return run(run);
  }

  @Override
  public List<CampaignRunView> runs(int limit) {
    return tx.inNewTransaction(() -> store.runs(limit));
  }

  @Override
  public CampaignRunView run(long runId) {
    return tx.inNewTransaction(() -> store.run(runId))
        .orElseThrow(() -> new CampaignRunNotFoundException("no campaign run " + runId));
  }

  @Override
  public CampaignAudiencePage audience(long runId, String campaign, long afterId, int limit) {
    run(runId);
    String code = known(campaign);
    List<CampaignAudienceRow> rows =
        tx.inNewTransaction(() -> store.audience(runId, code, afterId, limit + 1));
    Long next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      next = rows.get(limit - 1).id();
    }
    return new CampaignAudiencePage(runId, code, rows, next);
  }

  @Override
  public List<SuppressionView> suppressions(MemberNumber member) {
    members.require(member);
    return tx.inNewTransaction(() -> store.suppressions(member.value()));
  }

  @Override
  public SuppressionView suppress(
      MemberNumber member, String campaign, String reason, String addedBy) {
    members.require(member);
    String code =
        SuppressionView.ALL.equalsIgnoreCase(campaign) ? SuppressionView.ALL : known(campaign);
    if (reason == null || reason.isBlank() || reason.length() > 300) {
      throw ValidationException.of("reason", "is required, at most 300 characters");
    }
    return tx.inNewTransaction(() -> store.suppress(member.value(), code, reason.strip(), addedBy));
  }

  @Override
  public void lift(MemberNumber member, String campaign) {
    String code =
        SuppressionView.ALL.equalsIgnoreCase(campaign) ? SuppressionView.ALL : known(campaign);
    if (!tx.inNewTransaction(() -> store.lift(member.value(), code))) {
      throw new SuppressionNotFoundException(
          "member " + member.value() + " is not suppressed for " + code);
    }
  }

  private String known(String campaign) {
    String code = campaign == null ? "" : campaign.strip().toUpperCase(java.util.Locale.ROOT);
    return tx.inNewTransaction(() -> store.campaign(code, calendar.today()))
        .map(CampaignView::code)
        .orElseThrow(() -> new UnknownCampaignException("no campaign " + campaign));
  }

  // --- the outbound route's side (CampaignExports); it runs in the outbox relay's transaction

  @Override
  public List<CampaignCount> campaignsOf(long runId) {
    return store.counts(runId);
  }

  @Override
  public List<CampaignAudienceRow> rows(long runId, String campaign, long afterId, int limit) {
    return store.audience(runId, campaign, afterId, limit);
  }

  @Override
  public void fileWritten(long runId, String campaign, String fileName, long rows) {
    store.fileWritten(runId, campaign, fileName, rows);
  }

  @Override
  public void fileDelivery(
      long runId, String campaign, boolean delivered, int attempts, String error) {
    store.fileDelivery(runId, campaign, delivered, attempts, error);
  }

  @Override
  public void audit(
      long runId, String campaign, String destination, long rows, String principal, String fields) {
    store.audit(runId, campaign, destination, rows, principal, fields);
  }

  // --- the run

  private long claim(String trigger, LocalDate today, String requestedBy) {
    OptionalLong claimed =
        tx.inNewTransaction(
            () -> store.claim(trigger, today, requestedBy, Node.name(), staleMinutes));
    if (claimed.isEmpty()) {
      throw new CampaignRunInProgressException(tx.inNewTransaction(store::running).orElse(0));
    }
    return claimed.getAsLong();
  }

  private void execute(long run, LocalDate today) {
    here.execute(run, () -> runCampaigns(run, today));
  }

  /** A stopping server marks its runs FAILED ({@link RunningHere}). */
  @PreDestroy
  void stopping() {
    here.stopping(
        run ->
            tx.inNewTransaction(
                () -> {
                  store.finish(run, "FAILED", RunningHere.STOPPED, null);
                  return null;
                }),
        LOG);
  }

  /** The run: each active campaign's candidates, then the selection, in its own transactions. */
  private void runCampaigns(long run, LocalDate today) {
    try {
      folder.foldAll(); // the rules read the kept days and facts (ADR 0041)
      List<CampaignView> active =
          tx.inNewTransaction(() -> store.catalogue(today)).stream()
              .filter(CampaignView::active)
              .toList();
      for (CampaignView c : active) {
        List<CampaignStore.Candidate> candidates =
            switch (c.code()) {
              case "NEAR_NEXT_TIER" -> nearNextTier(c, today);
              case "MILES_EXPIRING" -> milesExpiring(c);
              default -> List.of();
            };
        tx.inNewTransaction(
            () -> {
              store.addCandidates(run, c.code(), candidates);
              return null;
            });
      }
      tx.inNewTransaction(
          () -> {
            long scoring = store.latestScoringRun();
            long selected = 0;
            for (CampaignView c : active) {
              selected += store.select(run, c, today, scoring);
            }
            store.finish(run, "DONE", null, selected);
            CampaignRunFinished finished = new CampaignRunFinished(run);
            outbox.publish(finished.outboxTopic(), finished.outboxKey(), null);
            return null;
          });
    } catch (RuntimeException e) {
      tx.inNewTransaction(
          () -> {
            store.finish(run, "FAILED", e.getClass().getSimpleName() + ": " + e.getMessage(), null);
            return null;
          });
      throw e;
    }
  }

  /**
   * Tiers' status of the best-spending consenting members (at most {@code tier-candidates}): those
   * whose period ends within the campaign's lookback and who need at most {@code tier-miles-needed}
   * qualifying miles for the next tier.
   */
  private List<CampaignStore.Candidate> nearNextTier(CampaignView c, LocalDate today) {
    List<String> numbers =
        tx.inNewTransaction(() -> store.tierCandidates(c.channel(), tierCandidates));
    List<CampaignStore.Candidate> out = new ArrayList<>();
    for (String number : numbers) {
      TierStatusView s;
      try {
        s = tiers.status(new MemberNumber(number));
      } catch (RuntimeException unknown) {
        continue; // a scored member closed or merged since: not a candidate
      }
      if (NearNextTier.near(s, today, c.lookbackDays(), tierMilesNeeded)) {
        out.add(new CampaignStore.Candidate(number, NearNextTier.reason(s)));
      }
    }
    return out;
  }

  /** Redemption's list of members with miles expiring within the lookback, page by page. */
  private List<CampaignStore.Candidate> milesExpiring(CampaignView c) {
    List<CampaignStore.Candidate> out = new ArrayList<>();
    MemberNumber after = null;
    while (out.size() < expiringMax) {
      ExpiringMilesPage page = expiry.expiring(c.lookbackDays(), after, EXPIRY_PAGE);
      for (ExpiringMilesPage.Member m : page.members()) {
        out.add(
            new CampaignStore.Candidate(
                m.member().value(),
                String.format(
                    java.util.Locale.ROOT,
                    "%,d miles expire from %s (%s)",
                    m.miles(),
                    m.firstExpiry(),
                    m.reason())));
      }
      if (page.nextAfter() == null) {
        break;
      }
      after = page.nextAfter();
    }
    return out;
  }
}
