package org.openmiles.redemption.api;

import java.time.LocalDate;

/** A nominee or family child of a member. */
public record BeneficiaryView(
    long id, String kind, String firstName, String lastName, LocalDate birthDate) {}
