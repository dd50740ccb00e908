package org.openmiles.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.openmiles.accounts.api.EnrollMember;
import org.openmiles.accounts.api.MemberAlreadyEnrolledException;
import org.openmiles.accounts.api.MemberCount;
import org.openmiles.accounts.api.MemberNotFoundException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberSearch;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accounts.api.UpdateProfile;
import org.openmiles.accounts.api.events.MemberEnrolled;
import org.openmiles.accounts.api.events.MemberStatusChanged;
import org.openmiles.accounts.domain.AccountRepository;
import org.openmiles.accounts.domain.Member;
import org.openmiles.accounts.domain.MemberProfile;
import org.openmiles.accounts.domain.MemberRepository;
import org.openmiles.common.ValidationException;
import org.openmiles.common.idempotency.IdempotencyKeys;
import org.openmiles.common.tx.RetriedTransaction;

/** Enrollment and member upkeep, one transaction per call. */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the call again (ADR 0023)
public class DefaultMemberService implements MemberService {
  private static final Logger LOG = Logger.getLogger(DefaultMemberService.class.getName());

  @Inject MemberRepository members;
  @Inject AccountRepository accountRepository;
  @Inject Clock clock;
  @Inject Event<MemberEnrolled> enrolled;
  @Inject Event<MemberStatusChanged> statusChanged;

  @Override
  public MemberView enroll(EnrollMember command, String idempotencyKey) {
    IdempotencyKeys.requireValidIfPresent(idempotencyKey);
    MemberProfile profile = MemberProfile.forEnrollment(command, clock);
    if (idempotencyKey != null) {
      Optional<Member> earlier = members.findByEnrollmentKey(idempotencyKey);
      if (earlier.isPresent()) {
        return earlier.get().replayedFor(profile, idempotencyKey).view();
      }
    }
    if (members.emailInUse(profile.email(), null)) {
      throw new MemberAlreadyEnrolledException(
          "a member with email "
              + profile.email()
              + " is already enrolled; search for them instead");
    }
    Instant now = clock.instant();
    Member member = new Member(members.nextMemberNumber(), profile, idempotencyKey, now);
    members.add(member);
    accountRepository.createAccount(member.id());
    members.recordStatusChange(member, null, "enrolled", now);
    enrolled.fire(new MemberEnrolled(member.number(), profile.country(), now));
    LOG.info(() -> "enrolled member " + member.number());
    return member.view();
  }

  @Override
  public MemberView updateProfile(MemberNumber number, UpdateProfile changes) {
    Member member = load(number);
    MemberProfile updated = member.profile().with(changes, clock);
    if (!updated.email().equals(member.email()) && members.emailInUse(updated.email(), number)) {
      throw new MemberAlreadyEnrolledException(
          "another member already uses " + updated.email() + "; consider merging the two members");
    }
    member.apply(updated);
    member.touch(clock.instant());
    members.flush();
    return member.view();
  }

  @Override
  public MemberView changeStatus(MemberNumber number, MemberStatus target, String reason) {
    if (target == null) {
      throw ValidationException.of("status", "is required (ACTIVE, SUSPENDED or CLOSED)");
    }
    if (reason == null || reason.isBlank() || reason.length() > 200) {
      throw ValidationException.of("reason", "is required, at most 200 characters");
    }
    Member member = load(number);
    if (member.status() == MemberStatus.CLOSED && members.emailInUse(member.email(), number)) {
      throw new MemberAlreadyEnrolledException(
          "cannot reopen "
              + number
              + ": another member now uses "
              + member.email()
              + "; consider merging the two members");
    }
    Instant now = clock.instant();
    MemberStatus from = member.changeStatus(target, reason.strip(), now);
    members.flush();
    members.recordStatusChange(member, from, reason.strip(), now);
    statusChanged.fire(new MemberStatusChanged(number, from, target, reason.strip()));
    LOG.info(() -> "member " + number + " " + from + " -> " + target + ": " + reason.strip());
    return member.view();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<MemberView> find(MemberNumber number) {
    return members.find(number).map(Member::view);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.Map<MemberNumber, String> lastNames(java.util.Collection<MemberNumber> numbers) {
    java.util.Map<MemberNumber, String> out = new java.util.HashMap<>();
    members
        .lastNames(numbers.stream().map(MemberNumber::value).distinct().toList())
        .forEach((n, last) -> out.put(new MemberNumber(n), last));
    return out;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public MemberView get(MemberNumber number) {
    return load(number).view();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<MemberView> search(MemberSearch search) {
    return members.search(search).stream().map(Member::view).toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public MemberCount count(MemberSearch search) {
    return MemberCount.upToCap(members.count(search, MemberCount.CAP + 1));
  }

  private Member load(MemberNumber number) {
    return members
        .find(number)
        .orElseThrow(() -> new MemberNotFoundException("no member " + number));
  }
}
