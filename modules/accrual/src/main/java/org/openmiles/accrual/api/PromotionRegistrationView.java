package org.openmiles.accrual.api;

import java.time.LocalDate;

/**
 * A member registered for a promotion that pays only registered members: activity on or after
 * {@code registeredOn} (a date in the airline's zone) earns its bonus; {@code registeredBy} is the
 * authenticated caller who recorded it.
 */
public record PromotionRegistrationView(
    String promotionCode, String memberNumber, LocalDate registeredOn, String registeredBy) {}
