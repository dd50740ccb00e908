package org.openmiles.console.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accounts.api.UpdateProfile;
import org.openmiles.accrual.api.ApproveClaim;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.FileClaim;
import org.openmiles.accrual.api.MissingMilesClaims;
import org.openmiles.accrual.api.RejectClaim;
import org.openmiles.common.ValidationException;
import org.openmiles.common.tx.RetriedTransaction;
import org.openmiles.console.api.Actor;
import org.openmiles.console.api.ConsoleRole;
import org.openmiles.tiers.api.GrantTierOverride;
import org.openmiles.tiers.api.TierService;
import org.openmiles.tiers.api.TierStatusView;

/**
 * What an agent or supervisor changes about a member from the console: profile, status, tier
 * override, missing-miles claims, and the reveal of masked personal data. Each is one transaction
 * with its audit entry, and each checks the actor's role itself (the page hiding a button is a
 * convenience, not the guard).
 */
@ApplicationScoped
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class MemberActions {
  @Inject MemberService members;
  @Inject TierService tiers;
  @Inject MissingMilesClaims claims;
  @Inject AuditTrail audit;

  @Transactional
  public MemberView updateProfile(
      Actor actor, MemberNumber member, UpdateProfile changes, String reason) {
    actor.require(ConsoleRole.AGENT, "edit profiles");
    requireReason(reason);
    MemberView before = members.get(member);
    MemberView after = members.updateProfile(member, changes);
    audit.record(
        actor,
        "PROFILE_UPDATED",
        member.value(),
        "profile",
        profile(before),
        profile(after),
        reason);
    return after;
  }

  @Transactional
  public MemberView changeStatus(
      Actor actor, MemberNumber member, MemberStatus target, String reason) {
    actor.require(
        target == MemberStatus.CLOSED ? ConsoleRole.SUPERVISOR : ConsoleRole.AGENT,
        target == MemberStatus.CLOSED ? "close accounts" : "change a member's status");
    requireReason(reason);
    MemberView before = members.get(member);
    MemberView after = members.changeStatus(member, target, reason.strip());
    audit.record(
        actor,
        "STATUS_CHANGED",
        member.value(),
        "status",
        before.status().name(),
        after.status().name(),
        reason);
    return after;
  }

  @Transactional
  public TierStatusView overrideTier(
      Actor actor, MemberNumber member, String tier, LocalDate expiresOn, String reason) {
    actor.require(ConsoleRole.SUPERVISOR, "override a tier");
    requireReason(reason);
    TierStatusView before = tiers.status(member);
    TierStatusView after =
        tiers.grantOverride(
            member, new GrantTierOverride(tier, reason.strip(), actor.username(), expiresOn));
    audit.record(
        actor,
        "TIER_OVERRIDDEN",
        member.value(),
        "tier",
        before.tier() + (before.validUntil() == null ? "" : " until " + before.validUntil()),
        after.tier() + " until " + expiresOn,
        reason);
    return after;
  }

  /** Records that the actor saw a member's full email and phone, and why. */
  @Transactional
  public void revealPersonalData(Actor actor, MemberNumber member, String reason) {
    actor.require(ConsoleRole.AGENT, "see personal data");
    requireReason(reason);
    audit.record(actor, "PII_REVEALED", member.value(), "email, phone", null, null, reason);
  }

  @Transactional
  public ClaimView fileClaim(Actor actor, FileClaim claim) {
    actor.require(ConsoleRole.AGENT, "file claims");
    ClaimView filed = claims.file(claim, null);
    audit.record(
        actor,
        "CLAIM_FILED",
        filed.member(),
        "claim " + filed.id(),
        null,
        filed.status() + (filed.milesCredited() > 0 ? ", " + filed.milesCredited() + " miles" : ""),
        "ticket " + filed.ticketNumber() + " " + filed.carrier() + filed.flightNumber());
    return filed;
  }

  @Transactional
  public ClaimView approveClaim(Actor actor, long id, String note) {
    actor.require(ConsoleRole.AGENT, "review claims");
    ClaimView before = claims.get(id);
    ClaimView after = claims.approve(id, new ApproveClaim(actor.username(), note, null));
    audit.record(
        actor,
        "CLAIM_APPROVED",
        after.member(),
        "claim " + id,
        before.status().name(),
        after.status() + ", " + after.milesCredited() + " miles",
        note);
    return after;
  }

  @Transactional
  public ClaimView rejectClaim(Actor actor, long id, String reason) {
    actor.require(ConsoleRole.AGENT, "review claims");
    ClaimView before = claims.get(id);
    ClaimView after = claims.reject(id, new RejectClaim(actor.username(), reason));
    audit.record(
        actor,
        "CLAIM_REJECTED",
        after.member(),
        "claim " + id,
        before.status().name(),
        after.status().name(),
        reason);
    return after;
  }

  static void requireReason(String reason) {
    if (reason == null || reason.strip().length() < 5) {
      throw ValidationException.of("reason", "give a reason of at least 5 characters");
    }
  }

  private static String profile(MemberView m) {
    return String.join(
        "; ",
        "name " + m.firstName() + " " + m.lastName(),
        "email " + nullToEmpty(m.email()),
        "phone " + nullToEmpty(m.phone()),
        "birth " + (m.birthDate() == null ? "" : m.birthDate()),
        "country " + nullToEmpty(m.country()),
        "marketing " + m.marketingConsent());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
