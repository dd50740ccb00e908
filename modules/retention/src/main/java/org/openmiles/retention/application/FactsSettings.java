package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The program currency revenue is kept in ({@code openmiles.retention.currency}, USD), the
 * airline's zone dates are taken in ({@code openmiles.tiers.zone}), and whether the facts are kept
 * from the events at all ({@code openmiles.retention.facts.enabled}, true): off only to measure
 * what keeping them costs the bulk paths, or in an emergency; the facts then drift until a rebuild
 * with repair.
 */
@ApplicationScoped
public class FactsSettings {
  @Inject
  @ConfigProperty(name = "openmiles.retention.currency", defaultValue = "USD")
  String currency;

  @Inject
  @ConfigProperty(name = "openmiles.tiers.zone", defaultValue = "Asia/Ho_Chi_Minh")
  String zone;

  @Inject
  @ConfigProperty(name = "openmiles.retention.facts.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "openmiles.retention.facts.journal", defaultValue = "true")
  boolean journal;

  /**
   * Whether a batch appends its deltas to the facts' journal (ADR 0041) rather than applying them
   * to the kept facts itself.
   */
  public boolean journals() {
    return journal;
  }

  /** Whether the events update the facts. */
  public boolean keepsFacts() {
    return enabled;
  }

  /** The ISO 4217 code of the program currency. */
  public String currency() {
    return currency;
  }

  /** The airline's date at {@code instant}. */
  public LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneId.of(zone));
  }
}
