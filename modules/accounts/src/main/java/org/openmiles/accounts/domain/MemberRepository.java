package org.openmiles.accounts.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberSearch;
import org.openmiles.accounts.api.MemberStatus;

/** Members, by number, enrollment key, email or search criteria. */
public interface MemberRepository {

  /** The next member number, with its check digit. */
  MemberNumber nextMemberNumber();

  void add(Member member);

  Optional<Member> find(MemberNumber number);

  Optional<Member> findByEnrollmentKey(String key);

  /** Whether a member other than {@code except} and not closed uses this email. */
  boolean emailInUse(String email, MemberNumber except);

  List<Member> search(MemberSearch search);

  /**
   * How many members match the search (its limit aside), reading at most {@code upTo} of them: a
   * count of {@code upTo} means "at least that many".
   */
  long count(MemberSearch search, int upTo);

  /** Writes pending changes now, turning a clash with another member's email into a refusal. */
  void flush();

  void recordStatusChange(Member member, MemberStatus from, String reason, Instant at);

  /** A merge as recorded: who survived, the miles moved, why, by whom, when. */
  record MergeRecord(
      MemberNumber duplicate,
      MemberNumber survivor,
      long miles,
      String reason,
      String mergedBy,
      Instant mergedAt) {}

  void recordMerge(MergeRecord merge);

  Optional<MergeRecord> findMerge(MemberNumber duplicate);

  /** Member number to last name, for those of {@code numbers} that exist. */
  java.util.Map<String, String> lastNames(java.util.Collection<String> numbers);
}
