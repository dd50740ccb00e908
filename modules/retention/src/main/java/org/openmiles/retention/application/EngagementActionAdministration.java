package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.Simulation;
import org.openmiles.program.api.VersionFields;
import org.openmiles.retention.domain.ActionType;
import org.openmiles.retention.domain.EngagementVersions;
import org.openmiles.retention.domain.EngagementVersions.Replay;
import org.openmiles.retention.domain.Versioned;

/**
 * An entry of the engagement action catalogue as program managers change it (issue 20): keyed by
 * the action type's code ({@code APP_CHECK_IN}); a version is whole: name, points per action, the
 * daily and lifetime caps in points (left out: none), the bonus miles an action that counts earns
 * (left out: 0) and whether the type is active (left out: yes), as {@code
 * retention.engagement_action_type_version} (V10) holds them. A new code adds an action type from
 * its date: before it, the code is not in the catalogue. Actions are counted by the version in
 * force on their airline day, read afresh for every action ({@link DefaultEngagement}), so a
 * version applies from its date on every instance with no restart.
 *
 * <p>Simulation: the type's counted actions (AWARDED or CAPPED) of the window, their points
 * replayed set-based in one read-only statement with the caps (see {@link
 * org.openmiles.retention.infrastructure.JdbcEngagementVersions}): under the version in force on
 * each action's day ({@code milesBefore}, checked action by action against the points recorded:
 * {@code replayed}) and under the proposal as if in force throughout ({@code milesAfter}), by
 * month. <b>The Simulation's miles fields carry engagement points</b>, not miles: points are what
 * the catalogue rates. Bonus miles follow the points (an action that counts earns the type's bonus
 * miles) and are not totalled. No cost (points have no price): costs and currency are null.
 */
@ApplicationScoped
public class EngagementActionAdministration extends RetentionRules<ActionType> {
  /** The kind's name in paths and requests. */
  public static final String KIND = "engagement-action";

  private static final Set<String> FIELDS =
      Set.of("name", "points", "dailyCap", "lifetimeCap", "bonusMiles", "active");

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Engagement action",
          "the action type's code, such as APP_CHECK_IN (a new code adds an action type from the"
              + " date)",
          List.of(
              new RuleField("name", "text", true, "what members see: 1 to 100 characters"),
              new RuleField("points", "whole number", true, "engagement points per action, from 0"),
              new RuleField(
                  "dailyCap",
                  "whole number",
                  false,
                  "most points of this type a member counts per airline day, from 0 (left out:"
                      + " none)"),
              new RuleField(
                  "lifetimeCap",
                  "whole number",
                  false,
                  "most points of this type a member ever counts, from 0 (left out: none)"),
              new RuleField(
                  "bonusMiles",
                  "whole number",
                  false,
                  "miles an action that counts earns, 0 to 1000000 (left out: 0)"),
              new RuleField(
                  "active",
                  "true or false",
                  false,
                  "whether actions of this type are taken (left out: true)")));

  @Inject EngagementVersions store;
  @Inject Clock clock;

  public EngagementActionAdministration() {
    super(DESCRIPTION);
  }

  /** Any code: a new one adds an action type from its date. */
  @Override
  String code(String key) {
    return code(key, 30);
  }

  @Override
  List<Versioned<ActionType>> versions(String code) {
    return store.actionTypes(code);
  }

  @Override
  boolean add(String code, ActionType version, LocalDate from, long change) {
    return store.addActionType(version, from, change);
  }

  @Override
  public Optional<Simulation> simulate(
      String key, Map<String, String> fields, LocalDate from, LocalDate to) {
    long start = System.nanoTime();
    String code = code(key);
    Replay r = store.replayActions(code, version(code, fields, from), from, to);
    return Optional.of(
        Simulation.withoutCost(
            from,
            to,
            r.records(),
            r.replayed(),
            r.members(),
            r.membersAffected(),
            r.pointsBefore(),
            r.pointsAfter(),
            r.groups(),
            clock,
            start));
  }

  @Override
  ActionType version(String code, Map<String, String> fields, LocalDate from) {
    VersionFields f = new VersionFields(fields, FIELDS);
    String name = text(f, "name", true, 100);
    Integer points = integer(f, "points", true, 0);
    Integer daily = integer(f, "dailyCap", false, 0);
    Integer lifetime = integer(f, "lifetimeCap", false, 0);
    Long miles = f.whole("bonusMiles", false, 0, 1_000_000);
    boolean active = f.yesNo("active", true);
    f.throwIfInvalid();
    return new ActionType(code, name, points, daily, lifetime, miles == null ? 0 : miles, active);
  }

  @Override
  Map<String, String> fields(ActionType t) {
    return named(
        "name",
        t.name(),
        "points",
        t.points(),
        "dailyCap",
        t.dailyCap(),
        "lifetimeCap",
        t.lifetimeCap(),
        "bonusMiles",
        t.bonusMiles(),
        "active",
        t.active());
  }
}
