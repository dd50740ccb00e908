package org.openmiles.tiers.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.tiers.api.AboveBasePage;
import org.openmiles.tiers.api.TierBenefits;
import org.openmiles.tiers.domain.DatedTier;
import org.openmiles.tiers.domain.EarnedStatus;
import org.openmiles.tiers.domain.MemberStatuses;
import org.openmiles.tiers.domain.RecordedStatus;

class DefaultMemberTiersTest {
  static final LocalDate ON = LocalDate.of(2026, 12, 6);
  static final TierBenefits MEMBER = new TierBenefits("MEMBER", "Member", 0, 0);
  static final TierBenefits GOLD = new TierBenefits("GOLD", "Gold", 2, 50);
  static final MemberNumber A = MemberNumber.fromSequence(100_000_001L);
  static final MemberNumber B = MemberNumber.fromSequence(100_000_002L);
  static final MemberNumber C = MemberNumber.fromSequence(100_000_003L);
  static final MemberNumber D = MemberNumber.fromSequence(100_000_004L);

  /** Recorded statuses in member order, as the table keeps them. */
  static final class Statuses implements MemberStatuses {
    final TreeMap<String, RecordedStatus> rows = new TreeMap<>();

    @Override
    public Map<String, RecordedStatus> statusesAfter(String after, int limit) {
      Map<String, RecordedStatus> out = new LinkedHashMap<>();
      var tail = after == null ? rows : rows.tailMap(after, false);
      tail.entrySet().stream().limit(limit).forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    }

    @Override
    public Map<String, RecordedStatus> statusOf(Collection<String> members) {
      Map<String, RecordedStatus> out = new LinkedHashMap<>();
      members.stream().filter(rows::containsKey).forEach(m -> out.put(m, rows.get(m)));
      return out;
    }

    @Override
    public Map<String, RecordedStatus> lock(Collection<String> members) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<org.openmiles.tiers.domain.Standing> standings(
        Collection<String> members, YearMonth from, YearMonth to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<org.openmiles.tiers.domain.Standing> lockStandings(
        Collection<String> members, YearMonth from, YearMonth to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void saveEarned(Map<String, EarnedStatus> statuses) {
      throw new UnsupportedOperationException();
    }
  }

  static RecordedStatus earned(String tier, LocalDate until) {
    return new RecordedStatus(
        new EarnedStatus(tier, ON.minusYears(1), until), null, null, null, null);
  }

  DefaultMemberTiers tiers(Statuses statuses) {
    DefaultMemberTiers t = new DefaultMemberTiers();
    t.definitions =
        () ->
            List.of(
                new DatedTier(MEMBER, LocalDate.of(2020, 1, 1), null),
                new DatedTier(GOLD, LocalDate.of(2020, 1, 1), null));
    t.statuses = statuses;
    return t;
  }

  @Test
  void onlyTheMembersAboveTheBaseComeBackPageByPage() {
    Statuses s = new Statuses();
    s.rows.put(A.value(), earned("GOLD", ON.plusDays(30)));
    s.rows.put(B.value(), earned("GOLD", ON.minusDays(1))); // lapsed yesterday: the base tier
    s.rows.put(
        C.value(),
        new RecordedStatus(
            new EarnedStatus("MEMBER", ON.minusYears(1), null),
            7L,
            "GOLD",
            ON.minusDays(10),
            ON.plusDays(10))); // an agent's override in force
    s.rows.put(D.value(), earned("MEMBER", null));
    DefaultMemberTiers tiers = tiers(s);

    assertThat(tiers.baseOn(ON)).isEqualTo(MEMBER);
    AboveBasePage first = tiers.aboveBaseOn(ON, null, 2);
    assertThat(first.members()).containsExactly(Map.entry(A, GOLD));
    assertThat(first.nextAfter()).as("two statuses read: more may follow").isEqualTo(B);
    AboveBasePage second = tiers.aboveBaseOn(ON, first.nextAfter(), 2);
    assertThat(second.members()).containsExactly(Map.entry(C, GOLD));
    assertThat(second.nextAfter()).isEqualTo(D);
    AboveBasePage last = tiers.aboveBaseOn(ON, second.nextAfter(), 2);
    assertThat(last.members()).isEmpty();
    assertThat(last.nextAfter()).isNull();

    // the same answer as asking about each member
    assertThat(tiers.tiersOn(List.of(A, B, C, D), ON))
        .containsEntry(A, GOLD)
        .containsEntry(B, MEMBER)
        .containsEntry(C, GOLD)
        .containsEntry(D, MEMBER);
  }
}
