package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.UnknownRuleException;
import org.openmiles.program.api.VersionFields;
import org.openmiles.retention.domain.EngagementVersions;
import org.openmiles.retention.domain.LevelVersion;
import org.openmiles.retention.domain.Versioned;

/**
 * An engagement level's threshold as program managers change it (issue 20): keyed by the level's
 * code ({@code ADVOCATE}); a version is whole: its name and the points that reach it ({@code
 * retention.engagement_level_version}, V10). The levels' order ({@code level_rank}) never changes
 * here and no level is added: members' rows name their level. A threshold stays strictly above that
 * of the level ranked below and strictly below that of the level ranked above, on the change's date
 * and on every date a neighbour's version starts while this one is in force (so a neighbour's
 * version already written for a later date is checked too); the lowest level stays at 0. Levels are
 * read afresh for every action and every view ({@link DefaultEngagement}), so a version applies
 * from its date on every instance with no restart. Not simulated: a member's level follows from
 * their points, which a threshold does not change.
 */
@ApplicationScoped
public class EngagementLevelAdministration extends RetentionRules<LevelVersion> {
  /** The kind's name in paths and requests. */
  public static final String KIND = "engagement-level";

  private static final Set<String> FIELDS = Set.of("name", "minPoints");

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Engagement level threshold",
          "the level's code: NEWCOMER, ENGAGED, ADVOCATE or AMBASSADOR (levels keep their order)",
          List.of(
              new RuleField("name", "text", true, "what members see: 1 to 60 characters"),
              new RuleField(
                  "minPoints",
                  "whole number",
                  true,
                  "engagement points that reach the level: above the level below's and below the"
                      + " level above's (the lowest level: 0)")));

  @Inject EngagementVersions store;

  public EngagementLevelAdministration() {
    super(DESCRIPTION);
  }

  @Override
  String code(String key) {
    String code = code(key, 20);
    if (store.levels().stream().noneMatch(v -> v.value().code().equals(code))) {
      throw new UnknownRuleException(
          KIND, code, "no such engagement level (levels are not added here)");
    }
    return code;
  }

  @Override
  List<Versioned<LevelVersion>> versions(String code) {
    return store.levels().stream().filter(v -> v.value().code().equals(code)).toList();
  }

  @Override
  boolean add(String code, LevelVersion version, LocalDate from, long change) {
    return store.addLevel(version, from, change);
  }

  @Override
  Map<String, String> fields(LevelVersion l) {
    return named("name", l.name(), "minPoints", l.minPoints());
  }

  /** The level's new version, checked whole and against its neighbours. */
  @Override
  LevelVersion version(String code, Map<String, String> fields, LocalDate from) {
    List<Versioned<LevelVersion>> all = store.levels();
    int rank = versions(code).get(0).value().rank();
    VersionFields f = new VersionFields(fields, FIELDS);
    String name = text(f, "name", true, 60);
    Long min = f.whole("minPoints", true, 0, Integer.MAX_VALUE);
    if (min != null && rank == 0 && min != 0) {
      f.refuse("minPoints", "the lowest level starts at 0 points, not " + min);
    } else if (min != null && rank > 0) {
      inOrder(new LevelVersion(code, rank, code, min), all, from, f);
    }
    f.throwIfInvalid();
    return new LevelVersion(code, rank, name, min);
  }

  /**
   * Strictly between the thresholds of the levels ranked just below and just above, on {@code from}
   * and on each later date a neighbour's version starts before this level's next version.
   */
  private static void inOrder(
      LevelVersion level, List<Versioned<LevelVersion>> all, LocalDate from, VersionFields f) {
    LocalDate until =
        all.stream()
            .filter(v -> v.value().code().equals(level.code()) && v.from().isAfter(from))
            .map(Versioned::from)
            .min(LocalDate::compareTo)
            .orElse(null);
    Set<LocalDate> dates = new TreeSet<>();
    dates.add(from);
    all.stream()
        .filter(v -> !v.value().code().equals(level.code()))
        .map(Versioned::from)
        .filter(d -> d.isAfter(from) && (until == null || d.isBefore(until)))
        .forEach(dates::add);
    for (LocalDate on : dates) {
      List<LevelVersion> others =
          all.stream()
              .filter(v -> v.appliesOn(on) && !v.value().code().equals(level.code()))
              .map(Versioned::value)
              .toList();
      others.stream()
          .filter(o -> o.rank() < level.rank())
          .max((a, b) -> Integer.compare(a.rank(), b.rank()))
          .filter(below -> level.minPoints() <= below.minPoints())
          .ifPresent(below -> f.refuse("minPoints", order("above", below, on)));
      others.stream()
          .filter(o -> o.rank() > level.rank())
          .min((a, b) -> Integer.compare(a.rank(), b.rank()))
          .filter(above -> level.minPoints() >= above.minPoints())
          .ifPresent(above -> f.refuse("minPoints", order("below", above, on)));
    }
  }

  private static String order(String where, LevelVersion other, LocalDate on) {
    return "must be "
        + where
        + " "
        + other.code()
        + "'s "
        + other.minPoints()
        + " points in force on "
        + on;
  }
}
