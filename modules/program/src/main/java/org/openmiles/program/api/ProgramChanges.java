package org.openmiles.program.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Program administration (issue 20, ADR 0045): program managers propose changes to the program's
 * rules, another person with the approver right approves or rejects each one, and an approved
 * change is written by the module that owns the rule, from its date. Every principal is the
 * authenticated one, never a name from a request body.
 */
public interface ProgramChanges {

  /** The kinds of rule that can be changed, with their fields. */
  List<RuleKind> kinds();

  /**
   * Checks a proposal as it would be proposed now, writing nothing (forms validate as one types).
   *
   * @return the version it would replace, if any
   */
  Optional<RuleVersion> check(ProposeChange proposal);

  /**
   * What the approver should know about a valid proposal that does not stop it (a promotion that
   * overlaps another for the same activity, say); nothing is written.
   */
  List<String> warnings(ProposeChange proposal);

  /** Records a proposal by {@code proposer}, checked by the rule's owner first. */
  ChangeView propose(ProposeChange proposal, String proposer);

  /** Approves and applies a pending change; {@code approver} is not its proposer. */
  ChangeView approve(long id, String approver, String reason);

  /** Rejects a pending change, with a reason; {@code approver} is not its proposer. */
  ChangeView reject(long id, String approver, String reason);

  /** Withdraws a pending change; only its proposer may. */
  ChangeView withdraw(long id, String proposer, String reason);

  ChangeView change(long id);

  /** Changes in {@code state} (all if null), oldest pending first, newest first otherwise. */
  List<ChangeView> changes(ChangeState state, int limit);

  /**
   * Replays a pending change on the activity of {@code from}–{@code to} (null: the 90 days to
   * yesterday in the airline's zone) and keeps the result with the change.
   */
  ChangeView simulate(long id, LocalDate from, LocalDate to);

  /** The version of a rule in force on a date (null: today in the airline's zone). */
  Optional<RuleVersion> inForce(String kind, String key, LocalDate on);
}
