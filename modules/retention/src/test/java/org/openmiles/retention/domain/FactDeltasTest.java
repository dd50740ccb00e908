package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.accrual.api.ActivityOrigin;

class FactDeltasTest {
  private static final MemberNumber ANNA = MemberNumber.fromSequence(100000001);
  private static final MemberNumber BAO = MemberNumber.fromSequence(100000002);
  private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
  private static final String FLIGHT = "F:7382100000001:1";
  private static final String HOTEL = "P:DEMO_HOTEL:TX-1";

  private static MilesPosted.Entry entry(
      long id, MemberNumber m, EntryType type, long miles, String source, LocalDate day) {
    return new MilesPosted.Entry(id, m, type, miles, source, day);
  }

  private static final Map<String, ActivityOrigin> ORIGINS =
      Map.of(
          FLIGHT,
          new ActivityOrigin(
              FLIGHT, ActivityOrigin.Kind.FLIGHT, "VN", "FLIGHT", new BigDecimal("120.50"), 500),
          HOTEL,
          new ActivityOrigin(HOTEL, ActivityOrigin.Kind.PARTNER, "DEMO_HOTEL", "HOTEL", null, 300));

  @Test
  void aFlightAndAHotelStayOnOneDayMakeOneActivityDayWithTheirRevenueAndBaseMiles() {
    FactDeltas d =
        FactDeltas.of(
            List.of(
                entry(1, ANNA, EntryType.CREDIT, 500, FLIGHT, DAY),
                entry(2, ANNA, EntryType.CREDIT, 250, FLIGHT + ":TB", DAY),
                entry(3, ANNA, EntryType.CREDIT, 300, HOTEL, DAY)),
            ORIGINS);

    assertThat(d.days())
        .containsExactly(
            new FactDeltas.DayDelta(
                ANNA.value(), DAY, BigDecimal.ONE, 1, new BigDecimal("120.50"), 800));
    assertThat(d.categories())
        .containsExactly(new FactDeltas.CategoryDelta(ANNA.value(), "HOTEL", 1, BigDecimal.ZERO));
    assertThat(d.members())
        .containsExactly(
            new FactDeltas.MemberDelta(
                ANNA.value(), DAY, DAY, BigDecimal.ONE, 1, new BigDecimal("120.50"), 1050, 0));
    assertThat(d.membersLosingActivity()).isEmpty();
  }

  @Test
  void aMembersDeltaSpansTheFirstAndLastOfItsDaysAndSumsThem() {
    FactDeltas d =
        FactDeltas.of(
            List.of(
                entry(1, ANNA, EntryType.CREDIT, 300, HOTEL, DAY.plusDays(5)),
                entry(2, ANNA, EntryType.CREDIT, 500, FLIGHT, DAY),
                entry(3, ANNA, EntryType.DEBIT, -1_000, "AW:9", DAY.plusDays(9))),
            ORIGINS);

    assertThat(d.days()).hasSize(2);
    assertThat(d.members())
        .containsExactly(
            new FactDeltas.MemberDelta(
                ANNA.value(),
                DAY,
                DAY.plusDays(5),
                BigDecimal.ONE,
                1,
                new BigDecimal("120.50"),
                800,
                1_000));
  }

  @Test
  void aReversalTakesBackExactlyWhatItsCreditAddedThoughItCarriesTheBonusToo() {
    FactDeltas credit =
        FactDeltas.of(List.of(entry(1, ANNA, EntryType.CREDIT, 500, FLIGHT, DAY)), ORIGINS);
    FactDeltas reversal =
        FactDeltas.of(
            List.of(entry(2, ANNA, EntryType.REVERSAL, -750, FLIGHT + ":R", DAY)), ORIGINS);

    FactDeltas.DayDelta in = credit.days().get(0);
    FactDeltas.DayDelta out = reversal.days().get(0);
    assertThat(out.flights()).isEqualByComparingTo(in.flights().negate());
    assertThat(out.revenue()).isEqualByComparingTo(in.revenue().negate());
    assertThat(out.miles()).isEqualTo(-in.miles());
    assertThat(out.takesAway()).isTrue();
    assertThat(reversal.members())
        .containsExactly(
            new FactDeltas.MemberDelta(
                ANNA.value(),
                DAY,
                DAY,
                BigDecimal.ONE.negate(),
                0,
                new BigDecimal("-120.50"),
                -750,
                0));
    assertThat(reversal.membersLosingActivity()).containsExactly(ANNA.value());
    assertThat(credit.membersLosingActivity()).isEmpty();
  }

  @Test
  void redemptionsCountCapturedHoldsAndDebitsLessRedepositsAndMergesCountNothing() {
    FactDeltas d =
        FactDeltas.of(
            List.of(
                entry(1, BAO, EntryType.DEBIT, -20_000, "AW:1", DAY),
                entry(2, BAO, EntryType.HOLD_CAPTURE, -5_000, "CM:7", DAY),
                entry(3, BAO, EntryType.REDEPOSIT, 15_000, "AWX:1:1", DAY),
                entry(4, BAO, EntryType.MERGE_IN, 9_000, "MERGE-IN:100000009", DAY),
                entry(5, BAO, EntryType.HOLD, 0, "CM:8", DAY)),
            ORIGINS);

    assertThat(d.members())
        .containsExactly(
            new FactDeltas.MemberDelta(
                BAO.value(), null, null, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, 10_000));
    assertThat(d.days()).isEmpty();
  }

  @Test
  void aFlightAccrualHoldsNoRecordOfStillCountsAsAFlightWithoutRevenue() {
    String claimed = "F:7382100000099:2";
    FactDeltas d =
        FactDeltas.of(List.of(entry(1, ANNA, EntryType.CREDIT, 400, claimed, DAY)), Map.of());

    assertThat(d.days())
        .containsExactly(
            new FactDeltas.DayDelta(ANNA.value(), DAY, BigDecimal.ONE, 0, BigDecimal.ZERO, 400));
    assertThat(
            FactDeltas.baseReferences(List.of(entry(1, ANNA, EntryType.CREDIT, 400, claimed, DAY))))
        .containsExactly(claimed);
  }

  @Test
  void bonusesAndOtherPostingsAreNoActivity() {
    List<MilesPosted.Entry> entries =
        List.of(
            entry(1, ANNA, EntryType.CREDIT, 100, FLIGHT + ":TB", DAY),
            entry(2, ANNA, EntryType.CREDIT, 100, FLIGHT + ":PR:DOUBLE", DAY),
            entry(3, ANNA, EntryType.CREDIT, 100, "GOODWILL:1", DAY),
            entry(4, ANNA, EntryType.ADJUSTMENT, 100, FLIGHT, DAY));

    assertThat(FactDeltas.baseReferences(entries)).isEmpty();
    assertThat(FactDeltas.of(entries, ORIGINS).days()).isEmpty();
  }

  @Test
  void anActivityAndItsReversalInOneBatchLeaveNoDayBehind() {
    FactDeltas d =
        FactDeltas.of(
            List.of(
                entry(1, ANNA, EntryType.CREDIT, 500, FLIGHT, DAY),
                entry(2, ANNA, EntryType.CREDIT, 300, HOTEL, DAY.plusDays(1)),
                entry(3, ANNA, EntryType.REVERSAL, -500, FLIGHT + ":R", DAY),
                entry(4, ANNA, EntryType.REVERSAL, -300, HOTEL + ":R", DAY.plusDays(1))),
            ORIGINS);

    assertThat(d.days()).isEmpty();
    assertThat(d.categories()).isEmpty();
    assertThat(d.members()).as("nothing earned, nothing to add").isEmpty();
    assertThat(
            FactDeltas.activities(
                List.of(
                    entry(1, ANNA, EntryType.CREDIT, 500, FLIGHT, DAY),
                    entry(3, ANNA, EntryType.REVERSAL, -500, FLIGHT + ":R", DAY)),
                ORIGINS))
        .as("no journal row either")
        .isEmpty();
  }

  @Test
  void aBatchJournalsOneRowPerMemberDayAndCategoryAndOneForMilesOutsideActivity() {
    List<FactDeltas.Activity> rows =
        FactDeltas.activities(
            List.of(
                entry(1, BAO, EntryType.CREDIT, 300, HOTEL, DAY),
                entry(2, ANNA, EntryType.CREDIT, 500, FLIGHT, DAY),
                entry(3, ANNA, EntryType.CREDIT, 250, FLIGHT + ":TB", DAY),
                entry(4, ANNA, EntryType.CREDIT, 300, HOTEL, DAY),
                entry(5, ANNA, EntryType.DEBIT, -1_000, "AW:9", DAY.plusDays(9))),
            ORIGINS);

    assertThat(rows)
        .containsExactly(
            new FactDeltas.Activity(
                ANNA.value(), null, null, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, 250, 1_000),
            new FactDeltas.Activity(
                ANNA.value(), DAY, null, BigDecimal.ONE, 0, new BigDecimal("120.50"), 500, 500, 0),
            new FactDeltas.Activity(
                ANNA.value(), DAY, "HOTEL", BigDecimal.ZERO, 1, BigDecimal.ZERO, 300, 300, 0),
            new FactDeltas.Activity(
                BAO.value(), DAY, "HOTEL", BigDecimal.ZERO, 1, BigDecimal.ZERO, 300, 300, 0));
  }

  @Test
  void journalRowsOfManyBatchesFoldIntoWhatTheirEntriesMakeInOne() {
    List<MilesPosted.Entry> first =
        List.of(
            entry(1, ANNA, EntryType.CREDIT, 500, FLIGHT, DAY),
            entry(2, ANNA, EntryType.CREDIT, 300, HOTEL, DAY.plusDays(1)),
            entry(3, BAO, EntryType.CREDIT, 300, HOTEL, DAY));
    List<MilesPosted.Entry> second =
        List.of(
            entry(4, ANNA, EntryType.REVERSAL, -500, FLIGHT + ":R", DAY),
            entry(5, BAO, EntryType.CREDIT, 300, HOTEL, DAY),
            entry(6, BAO, EntryType.DEBIT, -700, "AW:10", DAY.plusDays(2)));
    List<FactDeltas.Activity> journal = new java.util.ArrayList<>();
    journal.addAll(FactDeltas.activities(first, ORIGINS));
    journal.addAll(FactDeltas.activities(second, ORIGINS));
    List<MilesPosted.Entry> all = new java.util.ArrayList<>(first);
    all.addAll(second);

    assertThat(FactDeltas.fromActivities(journal)).isEqualTo(FactDeltas.of(all, ORIGINS));
    assertThat(FactDeltas.fromActivities(journal).days())
        .extracting(FactDeltas.DayDelta::member, FactDeltas.DayDelta::day)
        .as("Anna's flown day is gone with its reversal; Bao's two stays share a day")
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ANNA.value(), DAY.plusDays(1)),
            org.assertj.core.groups.Tuple.tuple(BAO.value(), DAY));
  }
}
