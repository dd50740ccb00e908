package org.openmiles.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.domain.ExpiryPolicy;
import org.openmiles.accounts.domain.ExpiryPolicyVersions;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.DatedVersion;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.VersionExistsException;

/** The expiry-policy kind over an in-memory store: the key, checks, versions, warnings. */
class ExpiryPolicyAdministrationTest {
  private static final LocalDate SEED = LocalDate.of(2000, 1, 1);
  private static final LocalDate FROM = LocalDate.of(2027, 3, 1);

  private final List<DatedVersion<ExpiryPolicy>> rows = new ArrayList<>();
  private final ExpiryPolicyAdministration a = new ExpiryPolicyAdministration();

  ExpiryPolicyAdministrationTest() {
    rows.add(
        new DatedVersion<>(new ExpiryPolicy(ExpiryPolicy.Kind.FIXED_TERM, 36), SEED, null, null));
    a.store =
        new ExpiryPolicyVersions() {
          @Override
          public List<DatedVersion<ExpiryPolicy>> versions() {
            return List.copyOf(rows);
          }

          @Override
          public boolean add(LocalDate from, ExpiryPolicy policy, long change) {
            if (rows.stream().anyMatch(w -> w.from().equals(from))) {
              return false;
            }
            return rows.add(new DatedVersion<>(policy, from, null, change));
          }
        };
  }

  @Test
  void aVersionAppliesFromItsDateAndADateIsTakenOnce() {
    Map<String, String> v = Map.of("kind", "inactivity", "months", "24");
    a.validate("program", v, FROM);
    assertThat(a.apply("PROGRAM", v, FROM, 42)).isEqualTo("PROGRAM@" + FROM);
    RuleVersion before = a.inForce("PROGRAM", FROM.minusDays(1)).orElseThrow();
    assertThat(before.fields()).containsEntry("kind", "FIXED_TERM").containsEntry("months", "36");
    assertThat(before.effectiveTo()).isEqualTo(FROM);
    assertThat(before.change()).isNull();
    RuleVersion now = a.inForce("PROGRAM", FROM).orElseThrow();
    assertThat(now.fields()).containsEntry("kind", "INACTIVITY").containsEntry("months", "24");
    assertThat(now.effectiveTo()).isNull();
    assertThat(now.change()).isEqualTo(42L);
    assertThatThrownBy(() -> a.validate("PROGRAM", v, FROM))
        .isInstanceOf(VersionExistsException.class);
    assertThatThrownBy(() -> a.apply("PROGRAM", v, FROM, 43))
        .isInstanceOf(VersionExistsException.class);
  }

  @Test
  void theKeyIsTheProgramAndEveryBrokenFieldIsReportedAtOnce() {
    assertThatThrownBy(() -> a.validate("VN", Map.of("kind", "FIXED_TERM", "months", "36"), FROM))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("key"));
    assertThatThrownBy(
            () -> a.validate("PROGRAM", Map.of("kind", "FOREVER", "months", "241", "x", "1"), FROM))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("kind", "months", "x"));
    assertThatThrownBy(() -> a.validate("PROGRAM", Map.of("months", "0"), FROM))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("kind", "months"));
  }

  @Test
  void aShorterPeriodOrAChangeOfKindIsFlagged() {
    assertThat(a.warnings("PROGRAM", Map.of("kind", "FIXED_TERM", "months", "48"), FROM)).isEmpty();
    assertThat(a.warnings("PROGRAM", Map.of("kind", "FIXED_TERM", "months", "24"), FROM))
        .singleElement()
        .asString()
        .contains("24 months instead of 36", "sooner");
    assertThat(a.warnings("PROGRAM", Map.of("kind", "INACTIVITY", "months", "18"), FROM))
        .singleElement()
        .asString()
        .contains("without activity");
    a.apply("PROGRAM", Map.of("kind", "INACTIVITY", "months", "24"), FROM, 1);
    assertThat(
            a.warnings("PROGRAM", Map.of("kind", "INACTIVITY", "months", "12"), FROM.plusDays(1)))
        .singleElement()
        .asString()
        .contains("from 24 to 12 months", "sooner than they were told");
    assertThat(
            a.warnings("PROGRAM", Map.of("kind", "FIXED_TERM", "months", "36"), FROM.minusDays(5)))
        .singleElement()
        .asString()
        .contains("version from " + FROM);
  }
}
