package org.openmiles.tiers.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.openmiles.tiers.domain.TierProgram;
import org.openmiles.tiers.domain.TierProgramRepository;

/**
 * The tier program in force on a date (two small reads; program rules are effective-dated data).
 */
@ApplicationScoped
public class TierPrograms {

  @Inject TierProgramRepository repository;

  public TierProgram on(LocalDate day) {
    return repository.programOn(day);
  }
}
