package org.openmiles.tiers.domain;

import java.time.LocalDate;
import java.util.List;

/** How many members hold each tier on a date. */
public interface TierHeadcounts {

  /**
   * Each tier in force on {@code day}, lowest rank first, with the members whose effective tier it
   * is (the higher ranked of the earned status valid that day and an override in force that day);
   * members who never held more than the base tier are not counted.
   */
  List<TierHeadcount> on(LocalDate day);
}
