package org.openmiles.program.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.ChangeNotPendingException;
import org.openmiles.program.api.ChangeState;
import org.openmiles.program.api.ChangeStep;
import org.openmiles.program.api.EffectiveDatePassedException;
import org.openmiles.program.api.NotProposerException;
import org.openmiles.program.api.SelfApprovalException;

/**
 * A proposed change to one of the program's rules (ADR 0045): which rule ({@code kind} and {@code
 * key}, as the owning module names them), the proposed version (its fields, as the owning module
 * reads them), the date it applies from, and why. Maker-checker: a different person decides it. A
 * change applies from today or later in the airline's zone, checked when proposed and again when
 * approved (a proposal for tomorrow approved the day after would change the past); a change to the
 * past is a request marked as a correction, decided like any other. Every step is kept in {@link
 * #history()}.
 */
public final class ChangeRequest {
  /** The longest reason a person writes; the audit keeps it whole. */
  public static final int MAX_REASON = 500;

  private final long id;
  private final Proposal proposal;
  private final String proposedBy;
  private final List<ChangeStep> history = new ArrayList<>();
  private ChangeState state;
  private String appliedVersion;

  /**
   * What a request proposes: which rule ({@code kind}, {@code key}), its new version's fields
   * ({@code fields}), the date it applies from, and whether it corrects the past.
   */
  public record Proposal(
      String kind,
      String key,
      Map<String, String> fields,
      LocalDate effectiveFrom,
      boolean correction) {
    public Proposal {
      fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
  }

  private ChangeRequest(long id, Proposal proposal, String proposedBy) {
    this.id = id;
    this.proposal = proposal;
    this.proposedBy = proposedBy;
  }

  /** A request as stored: its proposal, proposer, state, the version written, and its steps. */
  public static ChangeRequest restore(
      long id,
      Proposal p,
      String proposedBy,
      ChangeState state,
      String appliedVersion,
      List<ChangeStep> history) {
    ChangeRequest c = new ChangeRequest(id, p, proposedBy);
    c.state = state;
    c.appliedVersion = appliedVersion;
    c.history.addAll(history);
    return c;
  }

  /**
   * A new request by {@code proposer} (the authenticated principal), numbered {@code id}; refuses
   * every broken field at once, and a date before today in {@code zone} unless it is a correction.
   */
  public static ChangeRequest propose(
      long id, Proposal p, String reason, String proposer, Clock clock, ZoneId zone) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (blank(p.kind())) {
      errors.put("kind", "required: which rule is to change");
    }
    if (blank(p.key())) {
      errors.put("key", "required: which rule of its kind (a partner, a carrier, a tier)");
    }
    if (p.fields().isEmpty()) {
      errors.put("proposal", "required: the rule's new version");
    }
    if (p.effectiveFrom() == null) {
      errors.put("effectiveFrom", "required: the date the new version applies from");
    }
    reasonErrors(reason).ifPresent(e -> errors.put("reason", e));
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Objects.requireNonNull(proposer, "the proposer comes from authentication");
    if (!p.correction()) {
      notInThePast(p.effectiveFrom(), clock, zone);
    }
    ChangeRequest c = new ChangeRequest(id, p, proposer);
    c.step(ChangeState.PROPOSED, proposer, clock, reason);
    return c;
  }

  /**
   * Approved by {@code approver}: not its proposer, still pending, and (unless a correction) its
   * date not yet past. The owning module then applies it ({@link #applied}).
   */
  public void approve(String approver, String reason, Clock clock, ZoneId zone) {
    decide(approver, "approved");
    reasonOrNone(reason);
    if (!proposal.correction()) {
      notInThePast(proposal.effectiveFrom(), clock, zone);
    }
    step(ChangeState.APPROVED, approver, clock, reason);
  }

  /** Rejected by {@code approver} (not its proposer), with the reason, which is required. */
  public void reject(String approver, String reason, Clock clock) {
    decide(approver, "rejected");
    reasonErrors(reason)
        .ifPresent(
            e -> {
              throw ValidationException.of("reason", e);
            });
    step(ChangeState.REJECTED, approver, clock, reason);
  }

  /** Withdrawn by its proposer while it is pending. */
  public void withdraw(String by, String reason, Clock clock) {
    if (state != ChangeState.PROPOSED) {
      throw new ChangeNotPendingException(id, state, "withdrawn");
    }
    if (!proposedBy.equals(by)) {
      throw new NotProposerException(id, by);
    }
    reasonOrNone(reason);
    step(ChangeState.WITHDRAWN, by, clock, reason);
  }

  /**
   * The owning module has written the approved version ({@code version}: its identity there), in
   * the approval's transaction; {@code by} is the approver.
   */
  public void applied(String version, String by, Clock clock) {
    if (state != ChangeState.APPROVED) {
      throw new ChangeNotPendingException(id, state, "applied");
    }
    if (blank(version)) {
      throw new IllegalArgumentException("an applied change names the version it wrote");
    }
    appliedVersion = version;
    step(ChangeState.APPLIED, by, clock, "applied as " + version);
  }

  private void decide(String approver, String action) {
    if (state != ChangeState.PROPOSED) {
      throw new ChangeNotPendingException(id, state, action);
    }
    if (proposedBy.equals(approver)) {
      throw new SelfApprovalException(id, approver);
    }
  }

  private void step(ChangeState to, String by, Clock clock, String reason) {
    state = to;
    history.add(new ChangeStep(to, by, clock.instant(), reason));
  }

  private static void notInThePast(LocalDate effectiveFrom, Clock clock, ZoneId zone) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    if (effectiveFrom.isBefore(today)) {
      throw new EffectiveDatePassedException(effectiveFrom, today);
    }
  }

  private static Optional<String> reasonErrors(String reason) {
    if (blank(reason)) {
      return Optional.of("required: why the rule changes, for the audit");
    }
    if (reason.length() > MAX_REASON) {
      return Optional.of("at most " + MAX_REASON + " characters");
    }
    return Optional.empty();
  }

  /** An optional reason: none, or one that {@link #reasonErrors} accepts. */
  private static void reasonOrNone(String reason) {
    if (!blank(reason)) {
      reasonErrors(reason)
          .ifPresent(
              e -> {
                throw ValidationException.of("reason", e);
              });
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public long id() {
    return id;
  }

  public Proposal proposal() {
    return proposal;
  }

  public String proposedBy() {
    return proposedBy;
  }

  public ChangeState state() {
    return state;
  }

  /** The identity of the version the owning module wrote; null until applied. */
  public String appliedVersion() {
    return appliedVersion;
  }

  public List<ChangeStep> history() {
    return List.copyOf(history);
  }

  /** The latest step: the one a transition just took. */
  public ChangeStep lastStep() {
    return history.get(history.size() - 1);
  }
}
