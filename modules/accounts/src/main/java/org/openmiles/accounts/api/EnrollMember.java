package org.openmiles.accounts.api;

import java.time.LocalDate;

/**
 * Enroll a new member. Checked by the service, which reports every broken field at once: names
 * 1-100 characters, a plausible email, phone in E.164 form ({@code +84901234567}) if given, birth
 * date in the past and at least 2 years ago, country as ISO 3166 alpha-2.
 */
public record EnrollMember(
    String firstName,
    String lastName,
    String email,
    String phone,
    LocalDate birthDate,
    String country,
    boolean marketingConsent) {}
