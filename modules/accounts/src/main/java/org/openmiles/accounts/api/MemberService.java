package org.openmiles.accounts.api;

import java.util.List;
import java.util.Optional;

/** Enrollment and upkeep of members. Every change fires an event and is recorded in the history. */
public interface MemberService {

  /**
   * Enroll; refuses an email already used by a member who is not closed. A non-null {@code
   * idempotencyKey} makes a retry return the member the first call enrolled.
   */
  MemberView enroll(EnrollMember command, String idempotencyKey);

  MemberView updateProfile(MemberNumber number, UpdateProfile changes);

  MemberView changeStatus(MemberNumber number, MemberStatus target, String reason);

  Optional<MemberView> find(MemberNumber number);

  /**
   * The last names of those of {@code members} who exist, for matching the name on incoming
   * activity (partner records, flown coupons) with one query per chunk.
   */
  java.util.Map<MemberNumber, String> lastNames(java.util.Collection<MemberNumber> members);

  /** Like {@link #find} but refuses with {@link MemberNotFoundException}. */
  MemberView get(MemberNumber number);

  /** The members found, in name order, at most {@link MemberSearch#limit()} of them. */
  List<MemberView> search(MemberSearch search);

  /**
   * How many members {@link #search} would find without its limit, counted up to {@link
   * MemberCount#CAP}: "the first 50 of 1,234".
   */
  MemberCount count(MemberSearch search);
}
