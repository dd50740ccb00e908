package org.openmiles.it.support;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.openmiles.accounts.api.EnrollMember;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;

/** Enrollment through {@link MemberService}, for tests that run inside the server. */
public final class Enrollments {
  private Enrollments() {}

  /**
   * Enrolls {@code firstName} Member, born 1980-01-01 in VN, with a unique email {@code
   * <firstname>-<random>@example.org}; returns the new member's number.
   */
  public static MemberNumber enroll(MemberService members, String firstName) {
    String u = UUID.randomUUID().toString().substring(0, 8);
    return members
        .enroll(
            new EnrollMember(
                firstName,
                "Member",
                firstName.toLowerCase(Locale.ROOT) + "-" + u + "@example.org",
                null,
                LocalDate.of(1980, 1, 1),
                "VN",
                false),
            null)
        .number();
  }
}
