package org.openmiles.program.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A change request as the approvals queue, the API and the audit show it: what is proposed beside
 * the version it replaces ({@code replaces}: the version in force the day before {@code
 * effectiveFrom}, null for a rule's first version), where it stands, the version written once
 * applied, its latest simulation on real activity (null if the kind has none), every step with who,
 * when and why, and while it is pending what the approver should know that does not stop it ({@code
 * warnings}, as the rule's owner sees it now: a promotion overlapping another, say).
 */
public record ChangeView(
    long id,
    String kind,
    String key,
    Map<String, String> proposed,
    LocalDate effectiveFrom,
    boolean correction,
    ChangeState state,
    String proposedBy,
    String appliedVersion,
    RuleVersion replaces,
    Simulation simulation,
    List<ChangeStep> history,
    List<String> warnings) {
  public ChangeView {
    proposed = Map.copyOf(proposed);
    history = List.copyOf(history);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
