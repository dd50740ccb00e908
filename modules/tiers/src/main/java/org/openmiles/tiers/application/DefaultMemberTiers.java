package org.openmiles.tiers.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.TierBenefits;
import org.openmiles.tiers.infrastructure.JdbcMemberTierRepository;

/**
 * Reads member status: the recorded tier valid on the date, else the base tier (lowest rank). Runs
 * in the caller's transaction, if any.
 */
@ApplicationScoped
public class DefaultMemberTiers implements MemberTiers {

  @Inject JdbcMemberTierRepository repository;

  @Override
  public Map<MemberNumber, TierBenefits> tiersOn(Collection<MemberNumber> members, LocalDate date) {
    Map<String, TierBenefits> definitions = repository.definitionsOn(date);
    TierBenefits base =
        definitions.values().stream()
            .min(Comparator.comparingInt(TierBenefits::rank))
            .orElseThrow(() -> new IllegalStateException("no tier is defined on " + date));
    Map<String, String> status =
        repository.statusOn(members.stream().map(MemberNumber::value).distinct().toList(), date);
    Map<MemberNumber, TierBenefits> out = new HashMap<>();
    for (MemberNumber m : members) {
      String code = status.get(m.value());
      out.put(m, code == null ? base : definitions.getOrDefault(code, base));
    }
    return out;
  }
}
