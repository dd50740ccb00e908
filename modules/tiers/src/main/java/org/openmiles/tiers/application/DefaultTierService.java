package org.openmiles.tiers.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.common.ValidationException;
import org.openmiles.common.tx.RetriedTransaction;
import org.openmiles.tiers.api.GrantTierOverride;
import org.openmiles.tiers.api.TierBenefits;
import org.openmiles.tiers.api.TierHistoryView;
import org.openmiles.tiers.api.TierOverrideView;
import org.openmiles.tiers.api.TierProgressView;
import org.openmiles.tiers.api.TierService;
import org.openmiles.tiers.api.TierStatusView;
import org.openmiles.tiers.api.events.TierChanged;
import org.openmiles.tiers.domain.Counters;
import org.openmiles.tiers.domain.EarnedStatus;
import org.openmiles.tiers.domain.EndedOverride;
import org.openmiles.tiers.domain.HistoryEntry;
import org.openmiles.tiers.domain.MemberStatuses;
import org.openmiles.tiers.domain.OverrideGrant;
import org.openmiles.tiers.domain.RecordedStatus;
import org.openmiles.tiers.domain.Standing;
import org.openmiles.tiers.domain.TierDefinition;
import org.openmiles.tiers.domain.TierHistory;
import org.openmiles.tiers.domain.TierOverrides;
import org.openmiles.tiers.domain.TierProgram;

/**
 * Status, progress, history and agent overrides. The effective tier is the higher ranked of the
 * earned status (if valid today) and an override in force today; an override never lowers a member,
 * and when it ends the earned status shows again.
 */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class DefaultTierService implements TierService {

  @Inject MemberStatuses statuses;
  @Inject TierOverrides overrides;
  @Inject TierHistory tierHistory;
  @Inject TierPrograms programs;
  @Inject TierCalendar calendar;
  @Inject MemberService members;
  @Inject Event<TierChanged> tierChanged;

  @Override
  @Transactional(TxType.SUPPORTS)
  public TierStatusView status(MemberNumber member) {
    members.get(member);
    LocalDate today = calendar.today();
    TierProgram program = programs.on(today);
    Standing s =
        statuses
            .standings(
                List.of(member.value()),
                program.period().firstMonth(today),
                program.period().lastMonth(today))
            .get(0);
    return view(program, s, today);
  }

  TierStatusView view(TierProgram program, Standing s, LocalDate today) {
    RecordedStatus st = s.status();
    EarnedStatus earned = st == null ? null : st.earned();
    TierDefinition held =
        earned != null && earned.holdsOn(today)
            ? program.tierOrBase(earned.tierCode())
            : program.base();
    TierDefinition effective = held;
    LocalDate validUntil = held == program.base() ? null : earned.validUntil();
    TierOverrideView override = null;
    if (st != null && st.overrideOn(today)) {
      TierDefinition granted = program.tierOrBase(st.overrideTier());
      OverrideGrant row =
          overrides
              .override(st.overrideId())
              .orElseThrow(() -> new IllegalStateException("override " + st.overrideId()));
      override =
          new TierOverrideView(
              st.overrideId(),
              granted.code(),
              st.overrideSince(),
              st.overrideUntil(),
              row.reason(),
              row.approver());
      if (granted.rank() > held.rank()) {
        effective = granted;
        validUntil = st.overrideUntil();
      }
    }
    Counters inPeriod = s.inPeriod();
    TierProgressView next =
        program
            .above(effective)
            .map(t -> progress(program, t, inPeriod, s.lifetimeMiles()))
            .orElse(null);
    TierProgressView keep =
        effective.lifetime() || effective.rank() == program.base().rank()
            ? null
            : progress(program, effective, inPeriod, s.lifetimeMiles());
    return new TierStatusView(
        s.member(),
        effective.code(),
        effective.name(),
        validUntil,
        held.code(),
        held == program.base() ? null : earned.since(),
        held == program.base() ? null : earned.validUntil(),
        override,
        program.period().name(),
        program.period().firstMonth(today).atDay(1),
        program.period().lastMonth(today).atEndOfMonth(),
        inPeriod.miles(),
        inPeriod.flights(),
        inPeriod.spend(),
        program.spendCurrency().orElse(null),
        s.lifetimeMiles(),
        next,
        keep);
  }

  private static TierProgressView progress(
      TierProgram program, TierDefinition t, Counters inPeriod, long lifetime) {
    TierProgram.Needed n = program.needed(t, inPeriod, lifetime);
    return new TierProgressView(t.code(), n.miles(), n.flights(), n.spend());
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public List<TierHistoryView> history(MemberNumber member) {
    members.get(member);
    return tierHistory.history(member.value());
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public List<TierBenefits> grantableTiers() {
    TierProgram program = programs.on(calendar.today());
    return program.tiers().stream()
        .filter(t -> t.rank() > program.base().rank())
        .map(t -> new TierBenefits(t.code(), t.name(), t.rank(), t.flightBonusPercent()))
        .toList();
  }

  @Override
  public TierStatusView grantOverride(MemberNumber member, GrantTierOverride command) {
    members.get(member);
    LocalDate today = calendar.today();
    TierProgram program = programs.on(today);
    Map<String, String> errors = new LinkedHashMap<>();
    TierDefinition granted =
        command.tier() == null ? null : program.find(command.tier()).orElse(null);
    if (granted == null || granted.rank() == program.base().rank()) {
      errors.put("tier", "must be a tier above the base tier in force: " + codes(program));
    }
    if (command.reason() == null || command.reason().isBlank() || command.reason().length() > 200) {
      errors.put("reason", "is required, at most 200 characters");
    }
    if (command.approver() == null
        || command.approver().isBlank()
        || command.approver().length() > 60) {
      errors.put("approver", "is required, at most 60 characters");
    }
    if (command.expiresOn() == null || command.expiresOn().isBefore(today)) {
      errors.put("expiresOn", "is required, today (" + today + ") or later");
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Standing before =
        statuses
            .lockStandings(
                List.of(member.value()),
                program.period().firstMonth(today),
                program.period().lastMonth(today))
            .get(0);
    String from = view(program, before, today).tier();
    overrides.grantOverride(
        member.value(),
        granted.code(),
        command.reason().strip(),
        command.approver().strip(),
        today,
        command.expiresOn(),
        program.base().code());
    tierHistory.insertHistory(
        List.of(
            new HistoryEntry(
                member.value(),
                from,
                granted.code(),
                "OVERRIDE",
                command.reason().strip() + " (approved by " + command.approver().strip() + ")",
                command.expiresOn())));
    tierChanged.fire(
        new TierChanged(
            List.of(
                new TierChanged.Change(
                    member.value(),
                    from,
                    granted.code(),
                    "OVERRIDE",
                    command.expiresOn(),
                    Instant.now()))));
    return status(member);
  }

  private static String codes(TierProgram program) {
    return String.join(", ", program.tiers().stream().map(TierDefinition::code).toList());
  }

  @Override
  public int endExpiredOverridesToday() {
    return endExpiredOverrides(calendar.today());
  }

  @Override
  public int endExpiredOverrides(LocalDate today) {
    List<EndedOverride> ended = overrides.endOverridesBefore(today);
    if (ended.isEmpty()) {
      return 0;
    }
    TierProgram program = programs.on(today);
    List<HistoryEntry> history = new ArrayList<>();
    List<TierChanged.Change> changes = new ArrayList<>();
    Instant now = Instant.now();
    for (EndedOverride e : ended) {
      TierDefinition held =
          e.earned().holdsOn(today) ? program.tierOrBase(e.earned().tierCode()) : program.base();
      LocalDate until = held == program.base() ? null : e.earned().validUntil();
      history.add(
          new HistoryEntry(
              e.member(),
              e.overrideTier(),
              held.code(),
              "OVERRIDE_ENDED",
              "override expired",
              until));
      changes.add(
          new TierChanged.Change(
              e.member(), e.overrideTier(), held.code(), "OVERRIDE_ENDED", until, now));
    }
    tierHistory.insertHistory(history);
    tierChanged.fire(new TierChanged(changes));
    return ended.size();
  }
}
