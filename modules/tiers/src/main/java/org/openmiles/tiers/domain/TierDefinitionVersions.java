package org.openmiles.tiers.domain;

import java.time.LocalDate;
import java.util.List;

/** The versions of tier definitions, as program administration reads and adds them. */
public interface TierDefinitionVersions {

  /** Every version of tier {@code code}, oldest first, each with the change that wrote it. */
  List<Written> versions(String code);

  /** Adds a version from {@code from}; false if one from that date is there already. */
  boolean add(TierDefinition tier, LocalDate from, long change);

  /** A version as stored: the definition, its dates, the change request that wrote it. */
  record Written(TierDefinition tier, LocalDate from, LocalDate to, Long change) {
    /** In force on {@code date}: from {@code from} inclusive to {@code to} exclusive. */
    public boolean appliesOn(LocalDate date) {
      return !date.isBefore(from) && (to == null || date.isBefore(to));
    }
  }
}
