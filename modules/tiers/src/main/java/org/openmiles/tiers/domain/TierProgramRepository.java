package org.openmiles.tiers.domain;

import java.time.LocalDate;

/** The tier program (rules and tier definitions) in force on a date. */
public interface TierProgramRepository {
  TierProgram programOn(LocalDate day);
}
