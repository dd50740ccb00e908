package org.openmiles.accounts.api;

import java.time.LocalDate;

/** Change profile fields; a null field is left as it is. Same rules as {@link EnrollMember}. */
public record UpdateProfile(
    String firstName,
    String lastName,
    String email,
    String phone,
    LocalDate birthDate,
    String country,
    Boolean marketingConsent) {}
