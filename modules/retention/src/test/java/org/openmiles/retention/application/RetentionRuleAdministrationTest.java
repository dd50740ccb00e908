package org.openmiles.retention.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.Simulation;
import org.openmiles.program.api.UnknownRuleException;
import org.openmiles.program.api.VersionExistsException;
import org.openmiles.retention.domain.ActionType;
import org.openmiles.retention.domain.CampaignRule;
import org.openmiles.retention.domain.EngagementVersions;
import org.openmiles.retention.domain.LevelVersion;
import org.openmiles.retention.domain.Versioned;

/** Retention's rule kinds over an in-memory store: keys, whole-version checks, versions by date. */
class RetentionRuleAdministrationTest {
  private static final LocalDate SEED = LocalDate.of(1900, 1, 1);
  private static final LocalDate FROM = LocalDate.of(2027, 3, 1);

  private final Store store = new Store();

  private EngagementActionAdministration actions() {
    EngagementActionAdministration a = new EngagementActionAdministration();
    a.store = store;
    a.clock = Clock.fixed(FROM.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    return a;
  }

  private EngagementLevelAdministration levels() {
    EngagementLevelAdministration a = new EngagementLevelAdministration();
    a.store = store;
    return a;
  }

  private CampaignRuleAdministration campaigns() {
    CampaignRuleAdministration a = new CampaignRuleAdministration();
    a.store = store;
    return a;
  }

  @Test
  void anActionVersionAppliesFromItsDateAndADateIsTakenOnce() {
    EngagementActionAdministration a = actions();
    Map<String, String> v = Map.of("name", "App check-in", "points", "15", "dailyCap", "30");
    a.validate("app_check_in", v, FROM);
    assertThat(a.apply("app_check_in", v, FROM, 42)).isEqualTo("APP_CHECK_IN@" + FROM);
    RuleVersion before = a.inForce("APP_CHECK_IN", FROM.minusDays(1)).orElseThrow();
    assertThat(before.version()).isEqualTo("APP_CHECK_IN@" + SEED);
    assertThat(before.effectiveTo()).isEqualTo(FROM);
    assertThat(before.fields())
        .containsEntry("points", "10")
        .containsEntry("dailyCap", "10")
        .doesNotContainKey("lifetimeCap");
    assertThat(before.change()).isNull();
    RuleVersion now = a.inForce("APP_CHECK_IN", FROM).orElseThrow();
    assertThat(now.fields())
        .containsEntry("points", "15")
        .containsEntry("dailyCap", "30")
        .containsEntry("bonusMiles", "0")
        .containsEntry("active", "true");
    assertThat(now.change()).isEqualTo(42L);
    assertThatThrownBy(() -> a.validate("APP_CHECK_IN", v, FROM))
        .isInstanceOf(VersionExistsException.class);
    assertThatThrownBy(() -> a.apply("APP_CHECK_IN", v, FROM, 43))
        .isInstanceOf(VersionExistsException.class);
  }

  @Test
  void aNewCodeAddsAnActionTypeFromItsDate() {
    EngagementActionAdministration a = actions();
    assertThat(a.inForce("LOUNGE_REVIEW", FROM)).isEmpty();
    a.apply("LOUNGE_REVIEW", Map.of("name", "Lounge reviewed", "points", "5"), FROM, 7);
    assertThat(a.inForce("LOUNGE_REVIEW", FROM.minusDays(1))).isEmpty();
    assertThat(a.inForce("LOUNGE_REVIEW", FROM).orElseThrow().fields())
        .containsEntry("points", "5");
  }

  @Test
  void actionKeysAreCodes() {
    EngagementActionAdministration a = actions();
    Map<String, String> v = Map.of("name", "x", "points", "1");
    for (String key : List.of("", "1ABC", "APP-CHECK-IN", "A".repeat(31), "A B")) {
      ValidationException e =
          catchThrowableOfType(() -> a.validate(key, v, FROM), ValidationException.class);
      assertThat(e.fieldErrors()).containsOnlyKeys("key");
    }
    a.validate("A".repeat(30), v, FROM);
  }

  @Test
  void everyBrokenActionFieldIsReportedAtOnce() {
    Map<String, String> v = new HashMap<>();
    v.put("name", "x".repeat(101));
    v.put("points", "-1");
    v.put("dailyCap", "ten");
    v.put("lifetimeCap", "-5");
    v.put("bonusMiles", "1000001");
    v.put("active", "maybe");
    v.put("colour", "red");
    ValidationException e =
        catchThrowableOfType(
            () -> actions().validate("APP_CHECK_IN", v, FROM), ValidationException.class);
    assertThat(e.fieldErrors())
        .containsOnlyKeys(
            "name", "points", "dailyCap", "lifetimeCap", "bonusMiles", "active", "colour");
    ValidationException missing =
        catchThrowableOfType(
            () -> actions().validate("APP_CHECK_IN", Map.of(), FROM), ValidationException.class);
    assertThat(missing.fieldErrors()).containsOnlyKeys("name", "points");
  }

  @Test
  void theSimulationCarriesPointsInItsMilesFieldsAndNoCost() {
    Simulation s =
        actions()
            .simulate("APP_CHECK_IN", Map.of("name", "x", "points", "20"), FROM, FROM)
            .orElseThrow();
    assertThat(store.replayed.points()).isEqualTo(20);
    assertThat(s.milesBefore()).isEqualTo(100);
    assertThat(s.milesAfter()).isEqualTo(200);
    assertThat(s.records()).isEqualTo(10);
    assertThat(s.costBefore()).isNull();
    assertThat(s.currency()).isNull();
  }

  @Test
  void aLevelThresholdStaysBetweenItsNeighbours() {
    EngagementLevelAdministration a = levels();
    assertThat(a.inForce("ENGAGED", FROM).orElseThrow().fields()).containsEntry("minPoints", "100");
    ValidationException below =
        catchThrowableOfType(
            () -> a.validate("ADVOCATE", Map.of("name", "Advocate", "minPoints", "100"), FROM),
            ValidationException.class);
    assertThat(below.fieldErrors().get("minPoints")).contains("above ENGAGED").contains("100");
    ValidationException above =
        catchThrowableOfType(
            () -> a.validate("ADVOCATE", Map.of("name", "Advocate", "minPoints", "1000"), FROM),
            ValidationException.class);
    assertThat(above.fieldErrors().get("minPoints")).contains("below AMBASSADOR");
    a.validate("ADVOCATE", Map.of("name", "Advocate", "minPoints", "250"), FROM);
    assertThat(a.apply("advocate", Map.of("name", "Advocate", "minPoints", "250"), FROM, 9))
        .isEqualTo("ADVOCATE@" + FROM);
    assertThat(a.inForce("ADVOCATE", FROM).orElseThrow().fields())
        .containsEntry("minPoints", "250");
    assertThat(a.inForce("ADVOCATE", FROM.minusDays(1)).orElseThrow().fields())
        .containsEntry("minPoints", "300");
    assertThatThrownBy(
            () -> a.apply("ADVOCATE", Map.of("name", "Advocate", "minPoints", "260"), FROM, 10))
        .isInstanceOf(VersionExistsException.class);
  }

  @Test
  void aLevelIsCheckedAgainstANeighboursLaterVersionToo() {
    EngagementLevelAdministration a = levels();
    // ENGAGED goes to 280 from June; ADVOCATE at 250 from March would fall below it then
    a.apply("ENGAGED", Map.of("name", "Engaged", "minPoints", "200"), FROM.plusMonths(3), 1);
    a.validate("ADVOCATE", Map.of("name", "Advocate", "minPoints", "250"), FROM);
    a.apply("ENGAGED", Map.of("name", "Engaged", "minPoints", "280"), FROM.plusMonths(4), 2);
    ValidationException e =
        catchThrowableOfType(
            () -> a.validate("ADVOCATE", Map.of("name", "Advocate", "minPoints", "250"), FROM),
            ValidationException.class);
    assertThat(e.fieldErrors().get("minPoints"))
        .contains("ENGAGED")
        .contains(FROM.plusMonths(4).toString());
  }

  @Test
  void theLowestLevelStaysAtZeroAndLevelsAreNotAdded() {
    EngagementLevelAdministration a = levels();
    ValidationException e =
        catchThrowableOfType(
            () -> a.validate("NEWCOMER", Map.of("name", "", "minPoints", "5"), FROM),
            ValidationException.class);
    assertThat(e.fieldErrors()).containsOnlyKeys("name", "minPoints");
    a.validate("NEWCOMER", Map.of("name", "New member", "minPoints", "0"), FROM);
    assertThatThrownBy(() -> a.validate("LEGEND", Map.of("name", "x", "minPoints", "5000"), FROM))
        .isInstanceOf(UnknownRuleException.class);
  }

  @Test
  void aCampaignRuleIsCheckedWholeAndOnlyForKnownCampaigns() {
    CampaignRuleAdministration a = campaigns();
    Map<String, String> v =
        Map.of("channel", "sms", "windowDays", "60", "lookbackDays", "1", "offer", "Come back");
    a.validate("win_back", v, FROM);
    a.apply("WIN_BACK", v, FROM, 5);
    assertThat(a.inForce("WIN_BACK", FROM).orElseThrow().fields())
        .containsEntry("channel", "SMS")
        .containsEntry("windowDays", "60");
    assertThat(a.inForce("WIN_BACK", FROM.minusDays(1)).orElseThrow().fields())
        .containsEntry("channel", "EMAIL")
        .doesNotContainKey("windowDays");
    assertThatThrownBy(() -> a.validate("WIN_BACK", v, FROM))
        .isInstanceOf(VersionExistsException.class);
    assertThatThrownBy(() -> a.validate("SUMMER_SALE", v, FROM))
        .isInstanceOf(UnknownRuleException.class);
    ValidationException e =
        catchThrowableOfType(
            () ->
                a.validate(
                    "WIN_BACK",
                    Map.of("channel", "FAX", "windowDays", "0", "lookbackDays", "0"),
                    FROM),
            ValidationException.class);
    assertThat(e.fieldErrors()).containsOnlyKeys("channel", "windowDays", "lookbackDays", "offer");
  }

  /** The catalogues as V10 leaves them, in memory. */
  static final class Store implements EngagementVersions {
    final Map<String, List<Versioned<ActionType>>> types = new LinkedHashMap<>();
    final List<Versioned<LevelVersion>> levels = new ArrayList<>();
    final Map<String, List<Versioned<CampaignRule>>> campaigns = new LinkedHashMap<>();
    ActionType replayed;

    Store() {
      type(new ActionType("APP_CHECK_IN", "App check-in", 10, 10, null, 0, true));
      type(new ActionType("PROFILE_COMPLETED", "Profile completed", 50, null, 50, 500, true));
      String[][] l = {
        {"NEWCOMER", "0"}, {"ENGAGED", "100"}, {"ADVOCATE", "300"}, {"AMBASSADOR", "1000"}
      };
      for (int i = 0; i < l.length; i++) {
        levels.add(
            new Versioned<>(
                new LevelVersion(l[i][0], i, l[i][0], Long.parseLong(l[i][1])), SEED, null, null));
      }
      campaigns.put(
          "WIN_BACK",
          new ArrayList<>(
              List.of(
                  new Versioned<>(
                      new CampaignRule("EMAIL", null, 1, "We miss you", true), SEED, null, null))));
    }

    private void type(ActionType t) {
      types.put(t.code(), new ArrayList<>(List.of(new Versioned<>(t, SEED, null, null))));
    }

    @Override
    public List<Versioned<ActionType>> actionTypes(String code) {
      return Versioned.chained(types.getOrDefault(code, List.of()));
    }

    @Override
    public boolean addActionType(ActionType type, LocalDate from, long change) {
      List<Versioned<ActionType>> v = types.computeIfAbsent(type.code(), k -> new ArrayList<>());
      if (v.stream().anyMatch(w -> w.from().equals(from))) {
        return false;
      }
      return v.add(new Versioned<>(type, from, null, change));
    }

    @Override
    public List<Versioned<LevelVersion>> levels() {
      Map<String, List<Versioned<LevelVersion>>> byCode = new LinkedHashMap<>();
      levels.forEach(v -> byCode.computeIfAbsent(v.value().code(), k -> new ArrayList<>()).add(v));
      return byCode.values().stream().flatMap(l -> Versioned.chained(l).stream()).toList();
    }

    @Override
    public boolean addLevel(LevelVersion level, LocalDate from, long change) {
      if (levels.stream()
          .anyMatch(v -> v.value().code().equals(level.code()) && v.from().equals(from))) {
        return false;
      }
      return levels.add(new Versioned<>(level, from, null, change));
    }

    @Override
    public boolean campaignExists(String code) {
      return campaigns.containsKey(code);
    }

    @Override
    public List<Versioned<CampaignRule>> campaignRules(String code) {
      return Versioned.chained(campaigns.getOrDefault(code, List.of()));
    }

    @Override
    public boolean addCampaignRule(String code, CampaignRule rule, LocalDate from, long change) {
      List<Versioned<CampaignRule>> v = campaigns.get(code);
      if (v.stream().anyMatch(w -> w.from().equals(from))) {
        return false;
      }
      return v.add(new Versioned<>(rule, from, null, change));
    }

    @Override
    public Replay replayActions(String code, ActionType proposed, LocalDate from, LocalDate to) {
      replayed = proposed;
      return new Replay(10, 10, 4, 4, 100, 200, List.of());
    }
  }
}
