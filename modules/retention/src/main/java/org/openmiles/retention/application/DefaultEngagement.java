package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.openmiles.accounts.api.MemberNotActiveException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.common.ValidationException;
import org.openmiles.common.text.Texts;
import org.openmiles.common.time.AirlineZone;
import org.openmiles.common.tx.RetriedTransaction;
import org.openmiles.retention.api.ActionAnswer;
import org.openmiles.retention.api.ActionIdConflictException;
import org.openmiles.retention.api.ActionStatus;
import org.openmiles.retention.api.ActionTypeInactiveException;
import org.openmiles.retention.api.ActionTypeView;
import org.openmiles.retention.api.ActionView;
import org.openmiles.retention.api.AlreadyReferredException;
import org.openmiles.retention.api.Engagement;
import org.openmiles.retention.api.EngagementReferences;
import org.openmiles.retention.api.LevelView;
import org.openmiles.retention.api.MemberEngagementView;
import org.openmiles.retention.api.RecordAction;
import org.openmiles.retention.api.ReferralRefusedException;
import org.openmiles.retention.api.UnknownActionTypeException;
import org.openmiles.retention.domain.ActionType;
import org.openmiles.retention.domain.EngagementLevels;
import org.openmiles.retention.domain.EngagementRepository;
import org.openmiles.retention.domain.EngagementRepository.PointsCounted;

/**
 * Engagement actions: each is counted under the member's engagement row lock, so the caps hold when
 * actions arrive at once; its points, its bonus miles (a non-qualifying ledger CREDIT {@code
 * E:<action id>}) and the member's new total commit together.
 */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class DefaultEngagement implements Engagement {
  private static final Logger LOG = Logger.getLogger(DefaultEngagement.class.getName());

  /** The catalogue code of a referral, which waits for the friend's first flight. */
  public static final String REFERRAL = "REFERRAL";

  /** The catalogue code an NPS answer counts as. */
  public static final String NPS_ANSWERED = "NPS_ANSWERED";

  @Inject EngagementRepository repo;
  @Inject Members members;
  @Inject MilesLedger ledger;
  @Inject AirlineZone calendar;
  @Inject Clock clock;

  @Override
  public ActionAnswer record(RecordAction a) {
    if (!EngagementReferences.isValidActionId(a.actionId())) {
      throw ValidationException.of("actionId", "must be 1 to 64 of A-Z a-z 0-9 . _ : -");
    }
    LocalDate today = calendar.today();
    ActionType type =
        repo.type(a.type(), today)
            .orElseThrow(
                () ->
                    new UnknownActionTypeException(
                        "action type '" + a.type() + "' is not in the engagement catalogue"));
    boolean referral = REFERRAL.equals(type.code());
    if (!referral && a.referredMember() != null) {
      throw ValidationException.of("referredMember", "only a REFERRAL names a friend");
    }
    if (referral && a.referredMember() == null) {
      throw ValidationException.of("referredMember", "a REFERRAL names the friend's member number");
    }
    if (members.require(a.member()).status() != MemberStatus.ACTIVE) {
      throw new MemberNotActiveException(
          "member " + a.member().value() + " is not active: no engagement is counted");
    }
    EngagementLevels levels = levels(repo.levels(today));
    Instant now = clock.instant();
    long points = repo.lockMember(a.member(), levels.all().get(0).code(), now);
    Optional<ActionView> known = repo.action(a.actionId());
    if (known.isPresent()) {
      return replay(known.get(), a, points, levels);
    }
    if (!type.active()) {
      throw new ActionTypeInactiveException("action type " + type.code() + " is switched off");
    }
    ActionView action =
        referral
            ? pendingReferral(a, today, now)
            : counted(a.member(), a.actionId(), type, today, now, null);
    if (!repo.insert(action, a.principal())) {
      // the same id committed meanwhile for another member (this member's are serialized)
      throw conflict(a.actionId());
    }
    long after = award(action, type, points, levels, now);
    return new ActionAnswer(action, after, levels.levelFor(after), false);
  }

  private ActionAnswer replay(
      ActionView known, RecordAction a, long points, EngagementLevels levels) {
    if (!known.member().equals(a.member()) || !known.type().equals(a.type())) {
      throw conflict(a.actionId());
    }
    return new ActionAnswer(known, points, levels.levelFor(points), true);
  }

  private static ActionIdConflictException conflict(String actionId) {
    return new ActionIdConflictException(
        "action id " + actionId + " was already used for another member or action type");
  }

  private ActionView pendingReferral(RecordAction a, LocalDate today, Instant now) {
    MemberNumber friend = a.referredMember();
    if (friend.equals(a.member())) {
      throw new ReferralRefusedException("a member cannot refer themselves");
    }
    if (members.find(friend).isEmpty()) {
      throw new ReferralRefusedException(
          "the friend "
              + friend.value()
              + " is not enrolled: post the referral once the friend has enrolled");
    }
    if (repo.referred(friend)) {
      throw new AlreadyReferredException("member " + friend.value() + " was already referred");
    }
    return new ActionView(
        a.actionId(), a.member(), REFERRAL, ActionStatus.PENDING, 0, 0, null, friend, today, now);
  }

  /** The action as the caps let it count today: AWARDED with its points and miles, or CAPPED. */
  private ActionView counted(
      MemberNumber member,
      String actionId,
      ActionType type,
      LocalDate today,
      Instant now,
      MemberNumber friend) {
    PointsCounted before = repo.counted(member, type.code(), today);
    ActionType.Award award =
        type.active() ? type.award(before.onDay(), before.ever()) : ActionType.Award.NOTHING;
    boolean miles = award.counted() && award.bonusMiles() > 0;
    return new ActionView(
        actionId,
        member,
        type.code(),
        award.counted() ? ActionStatus.AWARDED : ActionStatus.CAPPED,
        award.points(),
        miles ? award.bonusMiles() : 0,
        miles ? EngagementReferences.bonusMiles(actionId) : null,
        friend,
        today,
        now);
  }

  /** Posts the action's miles and adds its points; the member's points afterwards. */
  private long award(
      ActionView action, ActionType type, long points, EngagementLevels levels, Instant now) {
    if (action.ledgerReference() != null) {
      ledger.post(
          PostMiles.credit(
              action.member(),
              action.bonusMiles(),
              action.ledgerReference(),
              action.actionDay(),
              Texts.truncate("Engagement bonus: " + type.name(), PostMiles.MAX_DESCRIPTION)));
    }
    long after = points + action.points();
    if (action.points() > 0) {
      repo.setPoints(action.member(), after, levels.levelFor(after).code(), now);
    }
    return after;
  }

  /**
   * Counts the NPS answer {@code answerId} as the action {@value #NPS_ANSWERED} of an active
   * member, once (action id {@code NPS:<answer id>}); nothing if the type is missing or switched
   * off or the member is not active. Joins the caller's transaction and throws nothing expected.
   */
  public void countNpsAnswer(MemberNumber member, String answerId, String principal) {
    LocalDate today = calendar.today();
    Optional<ActionType> type = repo.type(NPS_ANSWERED, today).filter(ActionType::active);
    if (type.isEmpty() || !members.active(member)) {
      return;
    }
    EngagementLevels levels = levels(repo.levels(today));
    Instant now = clock.instant();
    long points = repo.lockMember(member, levels.all().get(0).code(), now);
    String actionId = EngagementReferences.npsAction(answerId);
    if (repo.action(actionId).isPresent()) {
      return;
    }
    ActionView action = counted(member, actionId, type.get(), today, now, null);
    if (repo.insert(action, principal)) {
      award(action, type.get(), points, levels, now);
    }
  }

  /**
   * Credits a QUALIFIED referral (its friend flew) once: points and miles as the caps allow today,
   * or CAPPED; nothing if it is not QUALIFIED (credited already, by an earlier delivery).
   */
  public void creditReferral(String actionId) {
    Optional<ActionView> qualified =
        repo.action(actionId).filter(a -> a.status() == ActionStatus.QUALIFIED);
    if (qualified.isEmpty()) {
      return;
    }
    MemberNumber member = qualified.get().member();
    LocalDate today = calendar.today();
    EngagementLevels levels = levels(repo.levels(today));
    Instant now = clock.instant();
    long points = repo.lockMember(member, levels.all().get(0).code(), now);
    ActionView a = repo.action(actionId).orElseThrow();
    if (a.status() != ActionStatus.QUALIFIED) {
      return;
    }
    // counted by the version in force on the day it is credited (its action day); a type with no
    // version that day counts nothing
    Optional<ActionType> type = repo.type(a.type(), today);
    ActionView credited =
        type.isPresent() && members.active(member)
            ? counted(member, actionId, type.get(), today, now, a.referredMember())
            : capped(a, today);
    repo.creditReferral(credited, now);
    long after = award(credited, type.orElse(null), points, levels, now);
    LOG.info(
        () ->
            "referral "
                + actionId
                + " of member "
                + member.value()
                + ": friend flew, "
                + credited.status()
                + " "
                + credited.points()
                + " points, "
                + credited.bonusMiles()
                + " miles; member now has "
                + after
                + " points");
  }

  private static ActionView capped(ActionView a, LocalDate today) {
    return new ActionView(
        a.actionId(),
        a.member(),
        a.type(),
        ActionStatus.CAPPED,
        0,
        0,
        null,
        a.referredMember(),
        today,
        a.recordedAt());
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public MemberEngagementView engagement(MemberNumber member, int recent) {
    members.require(member);
    EngagementLevels levels = levels(repo.levels(calendar.today()));
    long points = repo.points(member).orElse(0L);
    Optional<LevelView> next = levels.nextAbove(points);
    return new MemberEngagementView(
        member,
        points,
        levels.levelFor(points),
        next.orElse(null),
        next.map(l -> l.minPoints() - points).orElse(0L),
        repo.recent(member, recent));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ActionTypeView> catalogue() {
    return repo.catalogue(calendar.today()).stream().map(ActionType::view).toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<LevelView> levels() {
    return levels(repo.levels(calendar.today())).all();
  }

  private static EngagementLevels levels(List<LevelView> levels) {
    return new EngagementLevels(levels);
  }
}
