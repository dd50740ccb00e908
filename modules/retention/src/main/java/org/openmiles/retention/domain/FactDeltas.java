package org.openmiles.retention.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.accrual.api.ActivityOrigin;
import org.openmiles.accrual.api.LedgerReferences;

/**
 * What a batch of ledger entries changes in the members' facts, aggregated per member and day, per
 * member and partner category, and per member (one row each however many entries: a chunk of a bulk
 * file costs a few statements, ADR 0037).
 *
 * <ul>
 *   <li>An activity is a flown coupon's or a partner record's base credit ({@link
 *       LedgerReferences#activityBase}); its reversal takes back exactly what it added. A day with
 *       activity counts once however many activities it has (as the customer-base models count
 *       purchase days).
 *   <li>Revenue is the activity's {@link ActivityOrigin#revenue()} (zero when unknown); a day's
 *       miles are its activities' base miles ({@link ActivityOrigin#baseMiles()}; the entry's own
 *       miles for a flight accrual holds no record of), so a reversal, which takes back bonuses
 *       too, subtracts exactly what the credit added.
 *   <li>Miles earned: every credit and reversal (bonuses and goodwill included). Miles redeemed:
 *       debits and captured holds, less redeposits (a cancelled award). Merges move balances and
 *       are neither.
 * </ul>
 */
public record FactDeltas(
    List<DayDelta> days, List<CategoryDelta> categories, List<MemberDelta> members) {
  public FactDeltas {
    days = List.copyOf(days);
    categories = List.copyOf(categories);
    members = List.copyOf(members);
  }

  /** One member's activity on one day: the change to its row. */
  public record DayDelta(
      String member,
      LocalDate day,
      BigDecimal flights,
      int partnerTransactions,
      BigDecimal revenue,
      long miles) {
    DayDelta plus(DayDelta o) {
      return new DayDelta(
          member,
          day,
          flights.add(o.flights),
          partnerTransactions + o.partnerTransactions,
          revenue.add(o.revenue),
          miles + o.miles);
    }

    /** Whether it takes anything away (a reversal): empty days may then have to go. */
    public boolean takesAway() {
      return flights.signum() < 0 || partnerTransactions < 0;
    }

    /** Whether it changes nothing (an activity and its reversal in the same batch). */
    boolean changesNothing() {
      return flights.signum() == 0
          && partnerTransactions == 0
          && revenue.signum() == 0
          && miles == 0;
    }
  }

  /** One member's partner transactions and spend in one category: the change to its row. */
  public record CategoryDelta(String member, String category, int transactions, BigDecimal spend) {
    CategoryDelta plus(CategoryDelta o) {
      return new CategoryDelta(member, category, transactions + o.transactions, spend.add(o.spend));
    }

    boolean changesNothing() {
      return transactions == 0 && spend.signum() == 0;
    }
  }

  /**
   * One member's change to their totals: the activity the batch adds (its days' flights, partner
   * transactions and revenue, and the first and last of those days; null without activity) and the
   * miles earned and redeemed. How many of the days are new only the stored days can say.
   */
  public record MemberDelta(
      String member,
      LocalDate firstDay,
      LocalDate lastDay,
      BigDecimal flights,
      int partnerTransactions,
      BigDecimal revenue,
      long earned,
      long redeemed) {
    static MemberDelta miles(String member, long earned, long redeemed) {
      return new MemberDelta(
          member, null, null, BigDecimal.ZERO, 0, BigDecimal.ZERO, earned, redeemed);
    }

    static MemberDelta day(DayDelta d) {
      return new MemberDelta(
          d.member(), d.day(), d.day(), d.flights(), d.partnerTransactions(), d.revenue(), 0, 0);
    }

    MemberDelta plus(MemberDelta o) {
      return new MemberDelta(
          member,
          earlier(firstDay, o.firstDay),
          later(lastDay, o.lastDay),
          flights.add(o.flights),
          partnerTransactions + o.partnerTransactions,
          revenue.add(o.revenue),
          earned + o.earned,
          redeemed + o.redeemed);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
      return b == null || (a != null && a.isBefore(b)) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
      return b == null || (a != null && a.isAfter(b)) ? a : b;
    }
  }

  /** Whether nothing changes. */
  public boolean isEmpty() {
    return days.isEmpty() && categories.isEmpty() && members.isEmpty();
  }

  /**
   * The members some of whose days lose activity (a reversal): their totals are counted again from
   * their days, since a day may be gone and the first or last day with it. Every other member's
   * totals only grow, by the deltas.
   */
  public TreeSet<String> membersLosingActivity() {
    TreeSet<String> out = new TreeSet<>();
    days.stream().filter(DayDelta::takesAway).forEach(d -> out.add(d.member()));
    return out;
  }

  /** The base references of the activities among {@code entries}, to look their origins up. */
  public static TreeSet<String> baseReferences(Collection<MilesPosted.Entry> entries) {
    TreeSet<String> out = new TreeSet<>();
    for (MilesPosted.Entry e : entries) {
      base(e).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<String> base(MilesPosted.Entry e) {
    return switch (e.type()) {
      case CREDIT -> LedgerReferences.activityBase(e.source(), false);
      case REVERSAL -> LedgerReferences.activityBase(e.source(), true);
      default -> Optional.empty();
    };
  }

  private static final Comparator<DayDelta> DAY_ORDER =
      (a, b) -> {
        int m = a.member().compareTo(b.member());
        return m != 0 ? m : a.day().compareTo(b.day());
      };
  private static final Comparator<CategoryDelta> CATEGORY_ORDER =
      (a, b) -> {
        int m = a.member().compareTo(b.member());
        return m != 0 ? m : a.category().compareTo(b.category());
      };
  private static final Comparator<MemberDelta> MEMBER_ORDER =
      (a, b) -> a.member().compareTo(b.member());

  /**
   * One member's activity of a batch on one day in one partner category (null: flights), or, with
   * neither day nor category, their miles earned or redeemed outside activity: a row of the facts'
   * journal (ADR 0041). Every fact is a sum of these, so a batch's rows and the rows of many
   * batches fold into the same {@link FactDeltas} as their entries would.
   */
  public record Activity(
      String member,
      LocalDate day,
      String category,
      BigDecimal flights,
      int partnerTransactions,
      BigDecimal revenue,
      long miles,
      long earned,
      long redeemed) {
    Activity plus(Activity o) {
      return new Activity(
          member,
          day,
          category,
          flights.add(o.flights),
          partnerTransactions + o.partnerTransactions,
          revenue.add(o.revenue),
          miles + o.miles,
          earned + o.earned,
          redeemed + o.redeemed);
    }

    boolean changesNothing() {
      return flights.signum() == 0
          && partnerTransactions == 0
          && revenue.signum() == 0
          && miles == 0
          && earned == 0
          && redeemed == 0;
    }
  }

  private static final Comparator<Activity> ACTIVITY_ORDER =
      Comparator.comparing(Activity::member)
          .thenComparing(Activity::day, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Activity::category, Comparator.nullsFirst(Comparator.naturalOrder()));

  /**
   * The changes {@code entries} make, given the origins of their activities; each list in member
   * order (then day or category).
   */
  public static FactDeltas of(
      Collection<MilesPosted.Entry> entries, Map<String, ActivityOrigin> origins) {
    return fromActivities(activities(entries, origins));
  }

  /**
   * What {@code entries} add to the facts, one {@link Activity} per member, day and category (and
   * one per member for miles outside activity), in member order; nothing for a batch's activity and
   * its reversal together.
   */
  public static List<Activity> activities(
      Collection<MilesPosted.Entry> entries, Map<String, ActivityOrigin> origins) {
    record Key(String member, LocalDate day, String category) {}
    // hashed while adding up, sorted once at the end (a sorted map compared keys at every entry)
    Map<Key, Activity> rows = new HashMap<>();
    for (MilesPosted.Entry e : entries) {
      String member = e.member().value();
      long earned = 0;
      long redeemed = 0;
      switch (e.type()) {
        case CREDIT, REVERSAL -> earned = e.miles();
        case DEBIT, HOLD_CAPTURE, REDEPOSIT -> redeemed = -e.miles();
        default -> {
          // adjustments, expiry, holds, extensions and merges are neither earned nor redeemed
        }
      }
      Optional<String> base = base(e);
      if (base.isEmpty()) {
        if (earned != 0 || redeemed != 0) {
          rows.merge(
              new Key(member, null, null),
              new Activity(
                  member, null, null, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, earned, redeemed),
              Activity::plus);
        }
        continue;
      }
      int sign = e.type() == EntryType.REVERSAL ? -1 : 1;
      ActivityOrigin origin = origins.get(base.get());
      boolean flight =
          origin == null
              ? base.get().startsWith("F:")
              : origin.kind() == ActivityOrigin.Kind.FLIGHT;
      BigDecimal revenue =
          origin == null || origin.revenue() == null ? BigDecimal.ZERO : origin.revenue();
      BigDecimal signedRevenue = sign < 0 ? revenue.negate() : revenue;
      long baseMiles = origin == null ? e.miles() : sign * origin.baseMiles();
      String category = flight ? null : origin == null ? "OTHER" : origin.category();
      rows.merge(
          new Key(member, e.activityDate(), category),
          new Activity(
              member,
              e.activityDate(),
              category,
              flight ? BigDecimal.valueOf(sign) : BigDecimal.ZERO,
              flight ? 0 : sign,
              signedRevenue,
              baseMiles,
              earned,
              redeemed),
          Activity::plus);
    }
    List<Activity> out = new ArrayList<>(rows.size());
    for (Activity a : rows.values()) {
      if (!a.changesNothing()) {
        out.add(a);
      }
    }
    out.sort(ACTIVITY_ORDER);
    return out;
  }

  /** The changes {@code activities} make, each list in member order (then day or category). */
  public static FactDeltas fromActivities(Collection<Activity> activities) {
    record DayKey(String member, LocalDate day) {}
    record CategoryKey(String member, String category) {}
    Map<DayKey, DayDelta> days = new HashMap<>();
    Map<CategoryKey, CategoryDelta> categories = new HashMap<>();
    Map<String, MemberDelta> members = new HashMap<>();
    for (Activity a : activities) {
      if (a.earned() != 0 || a.redeemed() != 0) {
        members.merge(
            a.member(), MemberDelta.miles(a.member(), a.earned(), a.redeemed()), MemberDelta::plus);
      }
      if (a.day() == null) {
        continue;
      }
      days.merge(
          new DayKey(a.member(), a.day()),
          new DayDelta(
              a.member(), a.day(), a.flights(), a.partnerTransactions(), a.revenue(), a.miles()),
          DayDelta::plus);
      if (a.category() != null) {
        categories.merge(
            new CategoryKey(a.member(), a.category()),
            new CategoryDelta(a.member(), a.category(), a.partnerTransactions(), a.revenue()),
            CategoryDelta::plus);
      }
    }
    // an activity and its reversal in one batch (a rebuild's page) leave nothing: no empty row
    List<DayDelta> changed = new ArrayList<>(days.size());
    for (DayDelta d : days.values()) {
      if (!d.changesNothing()) {
        changed.add(d);
        members.merge(d.member(), MemberDelta.day(d), MemberDelta::plus);
      }
    }
    changed.sort(DAY_ORDER);
    List<CategoryDelta> inCategories = new ArrayList<>(categories.size());
    for (CategoryDelta g : categories.values()) {
      if (!g.changesNothing()) {
        inCategories.add(g);
      }
    }
    inCategories.sort(CATEGORY_ORDER);
    List<MemberDelta> byMember = new ArrayList<>(members.values());
    byMember.sort(MEMBER_ORDER);
    return new FactDeltas(changed, inCategories, byMember);
  }
}
