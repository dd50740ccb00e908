package org.openmiles.tiers.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.tiers.api.MemberOnDate;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.TierBenefits;
import org.openmiles.tiers.domain.DatedTier;
import org.openmiles.tiers.domain.MemberStatuses;
import org.openmiles.tiers.domain.RecordedStatus;
import org.openmiles.tiers.domain.TierDefinitions;

/**
 * Reads member status: on each date, the higher ranked of the earned tier (if valid that day) and
 * an agent override (if in force that day), else the base tier (lowest rank). Two reads whatever
 * the number of members and dates. Runs in the caller's transaction, if any.
 */
@ApplicationScoped
public class DefaultMemberTiers implements MemberTiers {

  @Inject TierDefinitions definitions;
  @Inject MemberStatuses statuses;
  @Inject TierPrograms programs;
  @Inject TierCalendar calendar;

  @Override
  public Optional<String> spendCurrency() {
    return programs.on(calendar.today()).spendCurrency();
  }

  @Override
  public Map<MemberNumber, TierBenefits> tiersOn(Collection<MemberNumber> members, LocalDate date) {
    Map<MemberOnDate, TierBenefits> at =
        tiersAt(members.stream().map(m -> new MemberOnDate(m, date)).toList());
    Map<MemberNumber, TierBenefits> out = new HashMap<>();
    at.forEach((k, tier) -> out.put(k.member(), tier));
    return out;
  }

  @Override
  public Map<MemberOnDate, TierBenefits> tiersAt(Collection<MemberOnDate> asked) {
    List<DatedTier> all = definitions.allDefinitions();
    Map<String, RecordedStatus> status =
        statuses.statusOf(asked.stream().map(k -> k.member().value()).distinct().toList());
    Map<LocalDate, Map<String, TierBenefits>> byDate = new HashMap<>();
    Map<MemberOnDate, TierBenefits> out = new HashMap<>();
    for (MemberOnDate k : asked) {
      Map<String, TierBenefits> inForce =
          byDate.computeIfAbsent(k.date(), d -> definitionsOn(all, d));
      TierBenefits base =
          inForce.values().stream()
              .min(Comparator.comparingInt(TierBenefits::rank))
              .orElseThrow(() -> new IllegalStateException("no tier is defined on " + k.date()));
      TierBenefits tier = base;
      RecordedStatus s = status.get(k.member().value());
      if (s != null && s.earned().holdsOn(k.date())) {
        tier = higher(tier, inForce.get(s.earned().tierCode()));
      }
      if (s != null && s.overrideOn(k.date())) {
        tier = higher(tier, inForce.get(s.overrideTier()));
      }
      out.put(k, tier);
    }
    return out;
  }

  private static TierBenefits higher(TierBenefits a, TierBenefits b) {
    return b != null && b.rank() > a.rank() ? b : a;
  }

  private static Map<String, TierBenefits> definitionsOn(List<DatedTier> all, LocalDate date) {
    Map<String, TierBenefits> out = new HashMap<>();
    for (DatedTier d : all) {
      if (d.appliesOn(date)) {
        out.put(d.tier().code(), d.tier());
      }
    }
    return out;
  }
}
