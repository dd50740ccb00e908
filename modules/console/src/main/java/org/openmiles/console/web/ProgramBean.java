package org.openmiles.console.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.ChangeState;
import org.openmiles.program.api.ChangeView;
import org.openmiles.program.api.ProgramChanges;
import org.openmiles.program.api.ProposeChange;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.Simulation;

/**
 * Program rules (issue 20): a program manager proposes a change with a form that is checked as it
 * is typed (the same checks as the proposal, nothing written) beside the version in force; a
 * program approver decides the queue, each change shown beside the version it replaces; everyone
 * sees the latest decisions. The person is the logged-in user.
 */
@Named
@ViewScoped
public class ProgramBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ProgramChanges changes;
  @Inject CurrentUser currentUser;

  private List<RuleKind> kinds = List.of();
  private String kind;
  private String key;
  private String effectiveFrom;
  private boolean correction;
  private String reason;
  private final Map<String, String> values = new LinkedHashMap<>();
  private Map<String, String> errors = Map.of();
  private String problem;
  private RuleVersion replaces;
  private List<String> warnings = List.of();
  private boolean valid;
  private List<ChangeView> pending = List.of();
  private List<ChangeView> decided = List.of();
  private String note;

  /** One line of a side-by-side view: a field, its value in force, the proposed one, a problem. */
  public record Row(String field, String current, String proposed, String error) {
    /** Whether the proposal changes the field: another value (1 and 1.00 are one), or none. */
    public boolean isChanged() {
      if (proposed == null || current == null) {
        return proposed != null || current != null;
      }
      try {
        return new BigDecimal(proposed).compareTo(new BigDecimal(current)) != 0;
      } catch (NumberFormatException e) {
        return !proposed.equals(current);
      }
    }

    /** The proposed value as shown: a field the version leaves out has none. */
    public String getProposedText() {
      return proposed == null ? (current == null ? "" : "(none)") : proposed;
    }
  }

  @PostConstruct
  void init() {
    kinds = changes.kinds();
    if (kind == null && !kinds.isEmpty()) {
      kind = kinds.get(0).name();
    }
    pending = changes.changes(ChangeState.PROPOSED, 100);
    decided =
        changes.changes(null, 40).stream().filter(c -> c.state() != ChangeState.PROPOSED).toList();
  }

  /**
   * Checks the form as it stands, writing nothing: the errors by field, or the version replaced.
   */
  public void check() {
    errors = Map.of();
    problem = null;
    replaces = null;
    warnings = List.of();
    valid = false;
    try {
      replaces = changes.check(proposal()).orElse(null);
      valid = true;
      warnings = changes.warnings(proposal());
    } catch (ValidationException e) {
      errors = e.fieldErrors();
    } catch (OpenMilesException e) {
      problem = e.getMessage();
    }
  }

  /** A new kind chosen: its fields start empty. */
  public void kindChanged() {
    values.clear();
    check();
  }

  public void propose() {
    try {
      ChangeView c = changes.propose(proposal(), currentUser.getUsername());
      Messages.info(
          "Change "
              + c.id()
              + " proposed: "
              + c.kind()
              + " "
              + c.key()
              + " from "
              + c.effectiveFrom(),
          "A program approver decides it; it shows below until then.");
      values.clear();
      key = null;
      effectiveFrom = null;
      reason = null;
      correction = false;
      errors = Map.of();
      replaces = null;
      valid = false;
    } catch (RuntimeException e) {
      check();
      Messages.refused("Proposal", e);
    }
    init();
  }

  public void approve(long id) {
    decide(
        "Approval",
        () -> changes.approve(id, currentUser.getUsername(), blankToNull(note)),
        "is applied: it is the rule from its date on every server.");
  }

  public void reject(long id) {
    decide(
        "Rejection",
        () -> changes.reject(id, currentUser.getUsername(), blankToNull(note)),
        "is rejected; the reason is kept with it.");
  }

  public void withdraw(long id) {
    decide(
        "Withdrawal",
        () -> changes.withdraw(id, currentUser.getUsername(), blankToNull(note)),
        "is withdrawn.");
  }

  private void decide(String what, java.util.function.Supplier<ChangeView> action, String done) {
    try {
      ChangeView c = action.get();
      Messages.info("Change " + c.id() + " " + done, "Every step is kept in its history.");
      note = null;
    } catch (RuntimeException e) {
      Messages.refused(what, e);
    }
    init();
  }

  private ProposeChange proposal() {
    Map<String, String> fields = new LinkedHashMap<>();
    values.forEach(
        (f, v) -> {
          if (v != null && !v.isBlank()) {
            fields.put(f, v.strip());
          }
        });
    LocalDate from = null;
    if (effectiveFrom != null && !effectiveFrom.isBlank()) {
      try {
        from = LocalDate.parse(effectiveFrom.strip());
      } catch (DateTimeParseException e) {
        throw ValidationException.of("effectiveFrom", "a date, YYYY-MM-DD");
      }
    }
    return new ProposeChange(kind, key, fields, from, correction, reason);
  }

  /** The form's fields beside the version in force, each with its problem if any. */
  public List<Row> getFormRows() {
    List<Row> rows = new ArrayList<>();
    for (RuleField f : getFields()) {
      rows.add(
          new Row(
              f.name(),
              replaces == null ? null : replaces.fields().get(f.name()),
              blankToNull(values.get(f.name())),
              errors.get("proposal." + f.name())));
    }
    return rows;
  }

  /** A change's proposed fields beside the version it replaces. */
  public List<Row> rows(ChangeView c) {
    Set<String> names = new LinkedHashSet<>();
    if (c.replaces() != null) {
      names.addAll(c.replaces().fields().keySet());
    }
    names.addAll(c.proposed().keySet());
    List<Row> rows = new ArrayList<>();
    for (String n : names) {
      rows.add(
          new Row(
              n,
              c.replaces() == null ? null : c.replaces().fields().get(n),
              c.proposed().get(n),
              null));
    }
    return rows;
  }

  /** The form's problems that are not a version field's (shown above the table). */
  public List<String> getOtherErrors() {
    List<String> out = new ArrayList<>();
    errors.forEach(
        (f, why) -> {
          if (!f.startsWith("proposal.")) {
            out.add(f + ": " + why);
          }
        });
    if (problem != null) {
      out.add(problem);
    }
    return out;
  }

  /** A difference with its sign: +1,200 or -300. */
  public String signed(long n) {
    return (n > 0 ? "+" : "") + Show.grouped(n);
  }

  /** The cost before and after at the partner's price (or the program's mile value), if known. */
  public String cost(Simulation s) {
    if (s.costAfter() == null) {
      return "no price per mile to cost it";
    }
    String after = s.costAfter().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    String before =
        s.costBefore() == null
            ? "?"
            : s.costBefore().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    return "cost " + before + " → " + after + " " + s.currency();
  }

  public boolean mayDecide(ChangeView c) {
    return currentUser.isProgramApprover() && !c.proposedBy().equals(currentUser.getUsername());
  }

  public boolean mayWithdraw(ChangeView c) {
    return currentUser.isProgramManager() && c.proposedBy().equals(currentUser.getUsername());
  }

  public List<RuleField> getFields() {
    return chosen().map(RuleKind::fields).orElse(List.of());
  }

  public String getKeyHint() {
    return chosen().map(RuleKind::key).orElse("");
  }

  /** The kind of rule the form is for. */
  private java.util.Optional<RuleKind> chosen() {
    return kinds.stream().filter(k -> k.name().equals(kind)).findFirst();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  public List<RuleKind> getKinds() {
    return kinds;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getEffectiveFrom() {
    return effectiveFrom;
  }

  public void setEffectiveFrom(String effectiveFrom) {
    this.effectiveFrom = effectiveFrom;
  }

  public boolean isCorrection() {
    return correction;
  }

  public void setCorrection(boolean correction) {
    this.correction = correction;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public boolean isValid() {
    return valid;
  }

  /** What the approver should know about the form's valid proposal (an overlap, say). */
  public List<String> getWarnings() {
    return warnings;
  }

  public RuleVersion getReplaces() {
    return replaces;
  }

  public List<ChangeView> getPending() {
    return pending;
  }

  public List<ChangeView> getDecided() {
    return decided;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
