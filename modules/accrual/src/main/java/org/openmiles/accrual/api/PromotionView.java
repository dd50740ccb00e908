package org.openmiles.accrual.api;

import java.time.LocalDate;
import java.util.Map;

/**
 * A promotion's terms as they stand from {@code versionFrom} (until {@code versionUntil}, null
 * while they are the latest): the fields a program change names them by ({@code name}, {@code
 * type}, {@code multiplier} or {@code bonusMiles}, {@code appliesTo} and its scope, {@code
 * firstDay}, {@code lastDay}, {@code maxBonusPerMember}, {@code registrationRequired}).
 */
public record PromotionView(
    String code, LocalDate versionFrom, LocalDate versionUntil, Map<String, String> terms) {
  public PromotionView {
    terms = Map.copyOf(terms);
  }
}
