package org.openmiles.accounts.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.openmiles.accounts.api.EnrollMember;
import org.openmiles.accounts.api.UpdateProfile;
import org.openmiles.common.Validator;
import org.openmiles.common.idempotency.Fingerprint;

/**
 * A member's personal data, normalized and checked: every rule broken is reported at once.
 * Normalization: names and email trimmed, email lower-cased, phone reduced to E.164 ({@code +} and
 * digits), country upper-cased.
 */
public record MemberProfile(
    String firstName,
    String lastName,
    String email,
    String phone,
    LocalDate birthDate,
    String country,
    boolean marketingConsent) {

  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");
  private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
  private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]*$");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public static MemberProfile forEnrollment(EnrollMember c, Clock clock) {
    return check(
        c.firstName(),
        c.lastName(),
        c.email(),
        c.phone(),
        c.birthDate(),
        c.country(),
        c.marketingConsent(),
        clock);
  }

  /** This profile with the non-null fields of {@code u} applied, checked as a whole. */
  public MemberProfile with(UpdateProfile u, Clock clock) {
    return check(
        u.firstName() != null ? u.firstName() : firstName,
        u.lastName() != null ? u.lastName() : lastName,
        u.email() != null ? u.email() : email,
        u.phone() != null ? u.phone() : phone,
        u.birthDate() != null ? u.birthDate() : birthDate,
        u.country() != null ? u.country() : country,
        u.marketingConsent() != null ? u.marketingConsent() : marketingConsent,
        clock);
  }

  private static MemberProfile check(
      String firstName,
      String lastName,
      String email,
      String phone,
      LocalDate birthDate,
      String country,
      boolean consent,
      Clock clock) {
    Validator v = new Validator();
    String fn = trim(firstName);
    String ln = trim(lastName);
    String em = trim(email) == null ? null : trim(email).toLowerCase(Locale.ROOT);
    String ph = normalizePhone(phone);
    String cc = trim(country) == null ? null : trim(country).toUpperCase(Locale.ROOT);
    v.requireText(fn, "firstName", 100);
    v.require(
        fn == null || NAME.matcher(fn).matches(), "firstName", "must be letters, spaces, . ' -");
    v.requireText(ln, "lastName", 100);
    v.require(
        ln == null || NAME.matcher(ln).matches(), "lastName", "must be letters, spaces, . ' -");
    v.requireText(em, "email", 254);
    v.require(em == null || EMAIL.matcher(em).matches(), "email", "is not an email address");
    v.require(
        ph == null || E164.matcher(ph).matches(),
        "phone",
        "must be in international form, e.g. +84901234567");
    LocalDate today = LocalDate.now(clock);
    v.require(birthDate != null, "birthDate", "is required");
    v.require(
        birthDate == null || !birthDate.isAfter(today.minusYears(2)),
        "birthDate",
        "must be at least 2 years ago");
    v.require(
        birthDate == null || birthDate.isAfter(today.minusYears(120)),
        "birthDate",
        "must be within the last 120 years");
    v.require(cc != null && COUNTRIES.contains(cc), "country", "must be an ISO 3166 alpha-2 code");
    v.throwIfInvalid();
    return new MemberProfile(fn, ln, em, ph, birthDate, cc, consent);
  }

  /** The normalised profile's fingerprint, to recognise a repeated enrollment request. */
  public Fingerprint fingerprint() {
    return Fingerprint.of(toString());
  }

  /** Phone digits with a leading +; blank becomes null. Spaces, dashes, dots and brackets go. */
  public static String normalizePhone(String phone) {
    String p = trim(phone);
    if (p == null) {
      return null;
    }
    String digits = p.replaceAll("[\\s().-]", "");
    if (digits.startsWith("00")) {
      digits = "+" + digits.substring(2);
    }
    return digits;
  }

  private static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
