package org.openmiles.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.EnrollMember;
import org.openmiles.accounts.api.UpdateProfile;
import org.openmiles.common.ValidationException;

class MemberProfileTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void aValidEnrollmentIsNormalized() {
    MemberProfile p =
        MemberProfile.forEnrollment(
            new EnrollMember(
                "  Đặng  ",
                "Nguyễn Thị",
                "Lan@Example.ORG ",
                "0084 90-123 4567",
                LocalDate.of(1990, 1, 1),
                "vn",
                true),
            CLOCK);
    assertThat(p.firstName()).isEqualTo("Đặng");
    assertThat(p.lastName()).isEqualTo("Nguyễn Thị");
    assertThat(p.email()).isEqualTo("lan@example.org");
    assertThat(p.phone()).isEqualTo("+84901234567");
    assertThat(p.country()).isEqualTo("VN");
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                MemberProfile.forEnrollment(
                    new EnrollMember(
                        "", "R2-D2", "nope@", "12", LocalDate.of(2025, 1, 1), "ZZ", false),
                    CLOCK));
    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(e.fieldErrors())
        .containsOnlyKeys("firstName", "lastName", "email", "phone", "birthDate", "country");
    assertThat(e.fieldErrors().get("birthDate")).contains("at least 2 years");
  }

  @Test
  void anUpdateKeepsWhatItDoesNotMentionAndChecksTheWhole() {
    MemberProfile p =
        MemberProfile.forEnrollment(
            new EnrollMember(
                "Lan", "Tran", "lan@example.org", null, LocalDate.of(1990, 1, 1), "VN", false),
            CLOCK);
    MemberProfile q =
        p.with(new UpdateProfile(null, null, null, "+84 912 345 678", null, null, true), CLOCK);
    assertThat(q.firstName()).isEqualTo("Lan");
    assertThat(q.phone()).isEqualTo("+84912345678");
    assertThat(q.marketingConsent()).isTrue();
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                p.with(
                    new UpdateProfile(null, null, null, null, LocalDate.of(1800, 1, 1), null, null),
                    CLOCK));
    assertThat(e.fieldErrors()).containsOnlyKeys("birthDate");
  }
}
