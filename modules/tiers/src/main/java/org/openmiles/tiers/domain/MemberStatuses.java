package org.openmiles.tiers.domain;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Members' recorded statuses and their standing over a period's qualifying months. */
public interface MemberStatuses {

  /** The recorded status of each member that has one. */
  Map<String, RecordedStatus> statusOf(Collection<String> members);

  /**
   * At most {@code limit} recorded statuses in member-number order after {@code after} ({@code
   * null}: from the first), in that order.
   */
  Map<String, RecordedStatus> statusesAfter(String after, int limit);

  /** Locks the status rows of {@code members} that exist, in member order; returns them. */
  Map<String, RecordedStatus> lock(Collection<String> members);

  /**
   * The standing of {@code members} over the months {@code from} to {@code to}, without locks.
   * Members without counters have zeros; without a status, a null status.
   */
  List<Standing> standings(Collection<String> members, YearMonth from, YearMonth to);

  /** Locks the status rows of {@code members} (in member order), then reads their standing. */
  List<Standing> lockStandings(Collection<String> members, YearMonth from, YearMonth to);

  /** Records members' earned statuses (insert or replace), leaving overrides as they are. */
  void saveEarned(Map<String, EarnedStatus> statuses);
}
