package org.openmiles.accounts.application;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.accounts.api.CaptureExceedsHoldException;
import org.openmiles.accounts.api.CaptureHold;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.HoldAlreadyResolvedException;
import org.openmiles.accounts.api.HoldExpiredException;
import org.openmiles.accounts.api.HoldNotFoundException;
import org.openmiles.accounts.api.HoldStatus;
import org.openmiles.accounts.api.HoldView;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.PlaceHold;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accounts.api.SourceReferenceConflictException;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.accounts.domain.Account;
import org.openmiles.accounts.domain.AccountRepository;
import org.openmiles.accounts.domain.EntryRepository.NewEntry;
import org.openmiles.accounts.domain.ExpiryLotRepository;
import org.openmiles.accounts.domain.HoldRepository;
import org.openmiles.accounts.domain.HoldRepository.StoredHold;

/**
 * Holds: miles set aside for a payment (placed, then captured or released once, or expired by the
 * job). Each resolution locks the member's account through the hold and reads the hold under that
 * lock. Runs in the transaction of {@link DefaultMilesLedger}.
 */
@Dependent
class LedgerHolds {
  @Inject AccountRepository accountRepository;
  @Inject HoldRepository holdRepository;
  @Inject ExpiryLotRepository lotRepository;
  @Inject Event<MilesPosted> milesPosted;
  @Inject Clock clock;
  @Inject LedgerAccounts accounts;

  HoldView placeHold(PlaceHold hold) {
    Account account = accounts.lockOne(hold.member());
    String ref = hold.source().value();
    var use = holdRepository.refUse(ref); // read under the lock: sees a hold placed meanwhile
    var existing = use.hold();
    if (existing.isPresent()) {
      StoredHold h = existing.get();
      if (!h.member().equals(hold.member()) || h.amount() != hold.miles()) {
        throw new SourceReferenceConflictException(
            "hold reference "
                + ref
                + " was already used for "
                + h.amount()
                + " miles of member "
                + h.member());
      }
      return h.view();
    }
    if (use.entry()) {
      throw new SourceReferenceConflictException(
          "source reference " + ref + " is already used by a posting");
    }
    account.placeHold(hold.miles());
    Instant now = now();
    Instant expiresAt = now.plus(hold.ttl());
    // the hold, its entry and the account in one statement
    long id =
        holdRepository.insertHold(
            ref,
            hold.miles(),
            hold.description(),
            now,
            expiresAt,
            new NewEntry(
                account.memberId(),
                EntryType.HOLD,
                0,
                hold.miles(),
                account.balance(),
                ref,
                null,
                LocalDate.now(clock),
                hold.description()),
            account);
    // what a read of the new row would give (times in the database's precision)
    return new HoldView(
        id,
        hold.member(),
        hold.source(),
        hold.miles(),
        0,
        HoldStatus.ACTIVE,
        hold.description(),
        now,
        expiresAt,
        null);
  }

  HoldView captureHold(CaptureHold capture) {
    Account account = lockHoldAccount(capture.hold());
    StoredHold h = findHoldOrThrow(capture.hold()); // read under the lock
    if (h.status() == HoldStatus.CAPTURED && h.captured() == capture.miles()) {
      return h.view(); // a retried capture
    }
    if (h.status() == HoldStatus.EXPIRED) {
      throw expired(capture, h);
    }
    requireActive(h);
    if (!clock.instant().isBefore(h.expiresAt())) {
      ops().expireHold(h, account); // writes the account too
      throw expired(capture, h);
    }
    if (capture.miles() > h.amount()) {
      throw new CaptureExceedsHoldException(
          "hold "
              + capture.hold()
              + " sets aside "
              + h.amount()
              + " miles; cannot capture "
              + capture.miles());
    }
    LocalDate today = LocalDate.now(clock);
    long balanceAfter = account.captureHold(h.amount(), capture.miles(), today);
    String ref = capture.hold().derive("capture").value();
    ops().consumeLots(account.memberId(), capture.miles());
    Instant resolvedAt = now();
    // the entry, the hold's new state and the account in one statement
    long entryId =
        holdRepository.resolveHold(
            h.id(),
            HoldStatus.CAPTURED,
            capture.miles(),
            resolvedAt,
            new NewEntry(
                account.memberId(),
                EntryType.HOLD_CAPTURE,
                -capture.miles(),
                -h.amount(),
                balanceAfter,
                ref,
                h.id(),
                today,
                h.view().description()),
            account);
    milesPosted.fire(
        new MilesPosted(
            List.of(
                new MilesPosted.Entry(
                    entryId, h.member(), EntryType.HOLD_CAPTURE, -capture.miles(), ref, today))));
    return resolved(h, HoldStatus.CAPTURED, capture.miles(), resolvedAt);
  }

  private static HoldExpiredException expired(CaptureHold capture, StoredHold h) {
    return new HoldExpiredException(
        "hold "
            + capture.hold()
            + " expired at "
            + h.expiresAt()
            + " before it was captured; its miles are available again");
  }

  HoldView releaseHold(SourceReference holdRef) {
    Account account = lockHoldAccount(holdRef);
    StoredHold h = findHoldOrThrow(holdRef); // read under the lock
    if (h.status() == HoldStatus.RELEASED) {
      return h.view(); // a retried release
    }
    requireActive(h);
    account.releaseHold(h.amount());
    Instant resolvedAt = now();
    holdRepository.resolveHold(
        h.id(),
        HoldStatus.RELEASED,
        0,
        resolvedAt,
        new NewEntry(
            account.memberId(),
            EntryType.HOLD_RELEASE,
            0,
            -h.amount(),
            account.balance(),
            holdRef.derive("release").value(),
            h.id(),
            LocalDate.now(clock),
            h.view().description()),
        account);
    return resolved(h, HoldStatus.RELEASED, 0, resolvedAt);
  }

  /** The hold as a read after resolving it would give, without the read. */
  private static HoldView resolved(StoredHold h, HoldStatus status, long captured, Instant at) {
    HoldView v = h.view();
    return new HoldView(
        v.id(),
        v.member(),
        v.source(),
        v.miles(),
        captured,
        status,
        v.description(),
        v.createdAt(),
        v.expiresAt(),
        at);
  }

  /** Now, in the database's precision (timestamps keep microseconds), so views equal reads. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  private LedgerOps ops() {
    return new LedgerOps(lotRepository, holdRepository, clock);
  }

  private static void requireActive(StoredHold h) {
    if (h.status() != HoldStatus.ACTIVE) {
      throw new HoldAlreadyResolvedException(
          "hold " + h.view().source() + " is already " + h.status() + "; a hold resolves once");
    }
  }

  HoldView hold(SourceReference hold) {
    return findHoldOrThrow(hold).view();
  }

  List<HoldView> holds(MemberNumber member, boolean activeOnly) {
    accounts.requireMember(member);
    return holdRepository.holds(member, activeOnly, 200);
  }

  private StoredHold findHoldOrThrow(SourceReference ref) {
    return holdRepository
        .findHold(ref.value())
        .orElseThrow(() -> new HoldNotFoundException("no hold with reference " + ref));
  }

  /** The account of the hold's member, locked (found through the hold in one statement). */
  private Account lockHoldAccount(SourceReference ref) {
    return accountRepository
        .lockAccountOfHold(ref.value())
        .orElseThrow(() -> new HoldNotFoundException("no hold with reference " + ref));
  }
}
