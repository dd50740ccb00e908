package org.openmiles.program.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.openmiles.common.ValidationException;
import org.openmiles.common.time.AirlineZone;
import org.openmiles.program.api.ChangeNotFoundException;
import org.openmiles.program.api.ChangeNotPendingException;
import org.openmiles.program.api.ChangeState;
import org.openmiles.program.api.ChangeView;
import org.openmiles.program.api.ProgramChanges;
import org.openmiles.program.api.ProposeChange;
import org.openmiles.program.api.RuleAdministration;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.Simulation;
import org.openmiles.program.api.UnknownRuleKindException;
import org.openmiles.program.domain.ChangeRequest;
import org.openmiles.program.domain.ChangeRequest.Proposal;
import org.openmiles.program.domain.ChangeRequestRepository;

/**
 * Maker-checker over the owning modules' rule versions (ADR 0045). A proposal is checked by the
 * change request's rules and by the rule's owner together (every broken field at once, the
 * version's fields as {@code proposal.<field>}); approval locks the request, checks again (the
 * rules may have changed since), and has the owner write the version, all in one transaction: an
 * approval that fails leaves the request pending and nothing written.
 */
@ApplicationScoped
@Transactional
public class DefaultProgramChanges implements ProgramChanges {
  /** The longest list one call returns. */
  static final int MAX_LIST = 200;

  /** The default simulation window: the last 90 days of activity. */
  static final int WINDOW_DAYS = 90;

  /** The longest window a simulation replays. */
  static final int MAX_WINDOW_DAYS = 731;

  /** The request's own fields, which an owner's check may name; the others are the version's. */
  private static final Set<String> OWN_FIELDS = Set.of("key", "effectiveFrom");

  @Inject @Any Instance<RuleAdministration> administrations;
  @Inject ChangeRequestRepository repo;
  @Inject Clock clock;

  @Inject AirlineZone airline;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RuleKind> kinds() {
    return administrations.stream()
        .map(RuleAdministration::kind)
        .sorted(Comparator.comparing(RuleKind::name))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<RuleVersion> check(ProposeChange p) {
    // the proposer is not known to a check; the domain needs a name only to record it
    checked(p, 0, "check");
    return owner(p.kind()).inForce(p.key(), p.effectiveFrom().minusDays(1));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> warnings(ProposeChange p) {
    return owner(p.kind()).warnings(p.key(), p.fields(), p.effectiveFrom());
  }

  @Override
  public ChangeView propose(ProposeChange p, String proposer) {
    ChangeRequest c = checked(p, repo.nextId(), proposer);
    repo.insert(c, clock.instant());
    simulated(c, null, null);
    return view(c);
  }

  @Override
  public ChangeView simulate(long id, LocalDate from, LocalDate to) {
    ChangeRequest c = repo.find(id).orElseThrow(() -> new ChangeNotFoundException(id));
    if (c.state() != ChangeState.PROPOSED) {
      throw new ChangeNotPendingException(id, c.state(), "simulated");
    }
    simulated(c, from, to);
    return view(c);
  }

  /**
   * Replays {@code c} on the activity of {@code from}–{@code to} (null: the {@link #WINDOW_DAYS}
   * days to yesterday in the airline's zone) and keeps the result; nothing for a kind without a
   * simulation.
   */
  private void simulated(ChangeRequest c, LocalDate from, LocalDate to) {
    LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zone())).minusDays(1);
    LocalDate first = from != null ? from : last.minusDays(WINDOW_DAYS - 1L);
    if (first.isAfter(last)) {
      throw ValidationException.of("from", "on or before to (" + last + ")");
    }
    if (first.plusDays(MAX_WINDOW_DAYS).isBefore(last)) {
      throw ValidationException.of("from", "at most " + MAX_WINDOW_DAYS + " days before to");
    }
    Proposal p = c.proposal();
    owner(p.kind())
        .simulate(p.key(), p.fields(), first, last)
        .ifPresent(sim -> repo.keepSimulation(c.id(), sim));
  }

  @Override
  public ChangeView approve(long id, String approver, String reason) {
    return step(
        id,
        c -> {
          c.approve(approver, reason, clock, zone());
          Proposal p = c.proposal();
          // apply checks the version again (the rules may have changed since the proposal)
          String version = owner(p.kind()).apply(p.key(), p.fields(), p.effectiveFrom(), id);
          c.applied(version, approver, clock);
        });
  }

  @Override
  public ChangeView reject(long id, String approver, String reason) {
    return step(id, c -> c.reject(approver, reason, clock));
  }

  @Override
  public ChangeView withdraw(long id, String proposer, String reason) {
    return step(id, c -> c.withdraw(proposer, reason, clock));
  }

  /** Takes a step on the locked request and stores it with the steps it added. */
  private ChangeView step(long id, Consumer<ChangeRequest> step) {
    ChangeRequest c = repo.lock(id).orElseThrow(() -> new ChangeNotFoundException(id));
    int stored = c.history().size();
    step.accept(c);
    repo.update(c, stored, clock.instant());
    return view(c);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public ChangeView change(long id) {
    return view(repo.find(id).orElseThrow(() -> new ChangeNotFoundException(id)));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ChangeView> changes(ChangeState state, int limit) {
    List<ChangeRequest> list = repo.list(state, Math.min(Math.max(limit, 1), MAX_LIST));
    Map<Long, Simulation> sims = repo.simulations(list.stream().map(ChangeRequest::id).toList());
    return list.stream().map(c -> view(c, sims.get(c.id()))).toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<RuleVersion> inForce(String kind, String key, LocalDate on) {
    return owner(kind).inForce(key, on == null ? LocalDate.now(clock.withZone(zone())) : on);
  }

  /**
   * The request {@code p} would be, numbered {@code id}: the request's own rules and the owner's
   * check of the version, their field errors in one refusal.
   */
  private ChangeRequest checked(ProposeChange p, long id, String proposer) {
    Map<String, String> errors = new LinkedHashMap<>();
    ChangeRequest c = null;
    Proposal proposal =
        new Proposal(p.kind(), p.key(), p.fields(), p.effectiveFrom(), p.correction());
    try {
      c = ChangeRequest.propose(id, proposal, p.reason(), proposer, clock, zone());
    } catch (ValidationException e) {
      errors.putAll(e.fieldErrors());
    }
    Optional<RuleAdministration> owner = Optional.empty();
    if (p.kind() != null && !p.kind().isBlank()) {
      owner = find(p.kind());
      if (owner.isEmpty()) {
        errors.put("kind", "one of " + String.join(", ", names()) + ", not " + p.kind());
      }
    }
    if (owner.isPresent()
        && !errors.containsKey("key")
        && !errors.containsKey("proposal")
        && p.effectiveFrom() != null) {
      try {
        owner.get().validate(p.key(), p.fields(), p.effectiveFrom());
      } catch (ValidationException e) {
        e.fieldErrors()
            .forEach((f, why) -> errors.put(OWN_FIELDS.contains(f) ? f : "proposal." + f, why));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return c;
  }

  private ChangeView view(ChangeRequest c) {
    return view(c, repo.simulations(List.of(c.id())).get(c.id()));
  }

  private ChangeView view(ChangeRequest c, Simulation simulation) {
    Proposal p = c.proposal();
    RuleVersion replaces =
        find(p.kind())
            .flatMap(o -> o.inForce(p.key(), p.effectiveFrom().minusDays(1)))
            .orElse(null);
    return new ChangeView(
        c.id(),
        p.kind(),
        p.key(),
        p.fields(),
        p.effectiveFrom(),
        p.correction(),
        c.state(),
        c.proposedBy(),
        c.appliedVersion(),
        replaces,
        simulation,
        c.history(),
        c.state() == ChangeState.PROPOSED ? warnings(p) : List.of());
  }

  /**
   * The owner's warnings on a pending proposal; none if its version no longer passes the checks.
   */
  private List<String> warnings(Proposal p) {
    try {
      return find(p.kind())
          .map(o -> o.warnings(p.key(), p.fields(), p.effectiveFrom()))
          .orElse(List.of());
    } catch (ValidationException e) {
      return List.of("No longer passes the checks: " + e.fieldErrors());
    }
  }

  private RuleAdministration owner(String kind) {
    return find(kind).orElseThrow(() -> new UnknownRuleKindException(kind, names()));
  }

  private Optional<RuleAdministration> find(String kind) {
    return administrations.stream().filter(a -> a.kind().name().equals(kind)).findFirst();
  }

  private List<String> names() {
    return kinds().stream().map(RuleKind::name).toList();
  }

  private ZoneId zone() {
    return airline.zone();
  }
}
