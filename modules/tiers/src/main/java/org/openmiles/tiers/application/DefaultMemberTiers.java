package org.openmiles.tiers.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.tiers.api.AboveBasePage;
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
    Map<LocalDate, TiersOn> byDate = new HashMap<>();
    Map<MemberOnDate, TierBenefits> out = new HashMap<>();
    for (MemberOnDate k : asked) {
      TiersOn on = byDate.computeIfAbsent(k.date(), d -> TiersOn.of(all, d));
      out.put(k, on.tierOf(status.get(k.member().value())));
    }
    return out;
  }

  @Override
  public TierBenefits baseOn(LocalDate date) {
    return TiersOn.of(definitions.allDefinitions(), date).base();
  }

  @Override
  public AboveBasePage aboveBaseOn(LocalDate date, MemberNumber after, int limit) {
    TiersOn on = TiersOn.of(definitions.allDefinitions(), date);
    Map<String, RecordedStatus> page =
        statuses.statusesAfter(after == null ? null : after.value(), limit);
    Map<MemberNumber, TierBenefits> above = new LinkedHashMap<>();
    String last = null;
    for (var e : page.entrySet()) {
      last = e.getKey();
      TierBenefits tier = on.tierOf(e.getValue());
      if (tier.rank() > on.base().rank() && MemberNumber.isValid(e.getKey())) {
        above.put(new MemberNumber(e.getKey()), tier);
      }
    }
    MemberNumber next =
        page.size() < limit || last == null || !MemberNumber.isValid(last)
            ? null
            : new MemberNumber(last);
    return new AboveBasePage(above, next);
  }

  /** The tiers in force on a date, with the base tier (the lowest rank) among them. */
  private record TiersOn(LocalDate date, Map<String, TierBenefits> inForce, TierBenefits base) {
    static TiersOn of(List<DatedTier> all, LocalDate date) {
      Map<String, TierBenefits> inForce = definitionsOn(all, date);
      TierBenefits base =
          inForce.values().stream()
              .min(Comparator.comparingInt(TierBenefits::rank))
              .orElseThrow(() -> new IllegalStateException("no tier is defined on " + date));
      return new TiersOn(date, inForce, base);
    }

    /** The tier a member with status {@code s} (null: none recorded) holds on the date. */
    TierBenefits tierOf(RecordedStatus s) {
      TierBenefits tier = base;
      if (s != null && s.earned().holdsOn(date)) {
        tier = higher(tier, inForce.get(s.earned().tierCode()));
      }
      if (s != null && s.overrideOn(date)) {
        tier = higher(tier, inForce.get(s.overrideTier()));
      }
      return tier;
    }
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
