package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openmiles.accrual.domain.Promotion.AppliesTo;
import org.openmiles.accrual.domain.Promotion.Kind;

/**
 * A {@link Promotion} for tests: by default a fixed bonus of 100 miles on any activity, no scope,
 * no cap, from 2026-06-01 to 2026-07-01; each setter names what a test narrows.
 */
final class PromotionBuilder {
  private long id = 1;
  private String code = "TEST";
  private String name = "Test";
  private Kind kind = Kind.FIXED_BONUS;
  private BigDecimal multiplier;
  private Long bonusMiles = 100L;
  private AppliesTo appliesTo = AppliesTo.ANY;
  private String partner;
  private String carrier;
  private String origin;
  private String destination;
  private boolean bothDirections = true;
  private String classes;
  private String region;
  private LocalDate from = LocalDate.of(2026, 6, 1);
  private LocalDate to = LocalDate.of(2026, 7, 1);
  private Long cap;
  private LocalDate versionFrom;
  private LocalDate versionUntil;
  private boolean registration;

  static PromotionBuilder promotion() {
    return new PromotionBuilder();
  }

  PromotionBuilder id(long id) {
    this.id = id;
    return this;
  }

  /** The code, and the name {@code name}. */
  PromotionBuilder code(String code, String name) {
    this.code = code;
    this.name = name;
    return this;
  }

  /** A MULTIPLIER promotion (no bonus miles). */
  PromotionBuilder multiplier(String multiplier) {
    this.kind = Kind.MULTIPLIER;
    this.multiplier = new BigDecimal(multiplier);
    this.bonusMiles = null;
    return this;
  }

  /** A FIXED_BONUS promotion (no multiplier). */
  PromotionBuilder fixedBonus(long miles) {
    this.kind = Kind.FIXED_BONUS;
    this.multiplier = null;
    this.bonusMiles = miles;
    return this;
  }

  PromotionBuilder appliesTo(AppliesTo appliesTo) {
    this.appliesTo = appliesTo;
    return this;
  }

  PromotionBuilder partner(String partner) {
    this.partner = partner;
    return this;
  }

  PromotionBuilder carrier(String carrier) {
    this.carrier = carrier;
    return this;
  }

  PromotionBuilder route(String origin, String destination, boolean bothDirections) {
    this.origin = origin;
    this.destination = destination;
    this.bothDirections = bothDirections;
    return this;
  }

  PromotionBuilder classes(String classes) {
    this.classes = classes;
    return this;
  }

  PromotionBuilder region(String region) {
    this.region = region;
    return this;
  }

  /** The activity window {@code [from, to)}; {@code to} null = open-ended. */
  PromotionBuilder window(LocalDate from, LocalDate to) {
    this.from = from;
    this.to = to;
    return this;
  }

  PromotionBuilder cap(Long maxBonusPerMember) {
    this.cap = maxBonusPerMember;
    return this;
  }

  /** These terms from {@code from} until {@code until} (default: the window's start, open). */
  PromotionBuilder version(LocalDate from, LocalDate until) {
    this.versionFrom = from;
    this.versionUntil = until;
    return this;
  }

  /** Pays only registered members. */
  PromotionBuilder registrationRequired() {
    this.registration = true;
    return this;
  }

  Promotion build() {
    return new Promotion(
        id,
        code,
        name,
        new Promotion.Bonus(kind, multiplier, bonusMiles),
        new Promotion.Scope(
            appliesTo, partner, carrier, origin, destination, bothDirections, classes, region),
        from,
        to,
        cap,
        new Promotion.Version(versionFrom == null ? from : versionFrom, versionUntil),
        registration);
  }
}
