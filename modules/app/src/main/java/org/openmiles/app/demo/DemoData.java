package org.openmiles.app.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.accounts.api.EnrollMember;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PlaceHold;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.app.jobs.JobTransactions;

/**
 * Demo members with a year of varied history, so agents and developers have something real to look
 * at. Off unless {@code openmiles.demo.members} is above zero (the run command sets 1,000).
 *
 * <p>Deterministic: member {@code i} always gets the same name and activity pattern (seeded from
 * {@code i}), dated relative to the current month. Idempotent: every enrollment and posting carries
 * a {@code demo-} key or reference, so a restart adds nothing twice. Everything goes through the
 * published services, so demo data obeys the same rules as real data. Activity is skewed like a
 * real programme: a few percent of members fly every month and earn most of the miles.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoData {
  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
  private static final int CHUNK = 50;

  private static final String[] FAMILY = {
    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Phan", "Vu", "Vo", "Dang", "Bui", "Do",
    "Ho", "Ngo", "Duong", "Ly", "Tanaka", "Sato", "Kim", "Park", "Smith", "Martin", "Muller", "Wong"
  };
  private static final String[] GIVEN = {
    "Anh", "Binh", "Chau", "Dung", "Giang", "Hai", "Hanh", "Hoa", "Hung", "Khanh", "Lan", "Linh",
    "Long", "Mai", "Minh", "Nam", "Ngoc", "Phuong", "Quang", "Thao", "Thu", "Trang", "Tuan", "Viet",
    "Yen", "Emma", "Hiroshi", "Ji-woo", "Oliver", "Sophie"
  };
  private static final String[] COUNTRIES = {
    "VN", "VN", "VN", "VN", "VN", "VN", "VN", "JP", "KR", "US", "AU", "FR", "SG"
  };

  /** A route flown in the demo: flight number, city pair, great-circle miles. */
  private record Route(String flight, String from, String to, int miles, boolean domestic) {}

  private static final Route[] ROUTES = {
    new Route("VN 220", "HAN", "SGN", 708, true),
    new Route("VN 157", "HAN", "DAD", 393, true),
    new Route("VN 121", "SGN", "DAD", 376, true),
    new Route("VN 1551", "HAN", "PQC", 723, true),
    new Route("VN 310", "HAN", "NRT", 2_291, false),
    new Route("VN 300", "SGN", "NRT", 2_712, false),
    new Route("VN 416", "HAN", "ICN", 1_689, false),
    new Route("VN 651", "SGN", "SIN", 680, false),
    new Route("VN 31", "HAN", "FRA", 5_548, false),
    new Route("VN 98", "SGN", "SFO", 7_821, false),
    new Route("VN 773", "SGN", "SYD", 4_850, false)
  };
  private static final String[] CLASSES = {"J", "C", "Y", "Y", "M", "K", "B", "L", "Q", "R"};

  @Inject MemberService members;
  @Inject MilesLedger ledger;
  @Inject Clock clock;

  /**
   * Begins the transaction of each enrollment, batch and extra: this start-up bean runs with
   * NOT_SUPPORTED, where a service's own CDI transaction does not enlist the connections and every
   * statement would commit alone (ADR 0023, 0028).
   */
  @EJB JobTransactions transactions;

  @Inject
  @ConfigProperty(name = "openmiles.demo.members", defaultValue = "0")
  int count;

  @PostConstruct
  void seed() {
    if (count <= 0) {
      return;
    }
    try {
      seedAll();
    } catch (RuntimeException e) {
      // demo data is a convenience: never let it stop the application from starting
      LOG.log(Level.WARNING, "demo data incomplete: " + e.getMessage(), e);
    }
  }

  private void seedAll() {
    long start = System.nanoTime();
    LocalDate firstMonth = LocalDate.now(clock).withDayOfMonth(1).minusMonths(12);
    int posted = 0;
    for (int from = 1; from <= count; from += CHUNK) {
      List<PostMiles> history = new ArrayList<>();
      List<Runnable> after = new ArrayList<>();
      for (int i = from; i < Math.min(from + CHUNK, count + 1); i++) {
        Random rnd = new Random(7_919L * i);
        String given = GIVEN[rnd.nextInt(GIVEN.length)];
        String family = FAMILY[rnd.nextInt(FAMILY.length)];
        EnrollMember enrollment =
            new EnrollMember(
                given,
                family,
                (given + "." + family + "." + i + "@demo.openmiles.org")
                    .toLowerCase()
                    .replace("-", ""),
                "+849" + String.format("%08d", 10_000_000 + i * 37),
                LocalDate.of(1950 + rnd.nextInt(55), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)),
                COUNTRIES[rnd.nextInt(COUNTRIES.length)],
                rnd.nextInt(3) > 0);
        String key = "demo-" + i;
        MemberNumber m =
            transactions.inNewTransaction(() -> members.enroll(enrollment, key)).number();
        history.addAll(historyOf(i, m, rnd, firstMonth));
        after.addAll(extras(i, m, rnd));
      }
      posted += transactions.inNewTransaction(() -> ledger.postBatch(history)).posted().size();
      after.forEach(
          r ->
              transactions.inNewTransaction(
                  () -> {
                    r.run();
                    return null;
                  }));
      int done = Math.min(from + CHUNK - 1, count);
      if (done % 250 == 0 || done == count) {
        LOG.info("demo data: " + done + " of " + count + " members ready");
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    int entries = posted;
    LOG.info(
        () -> "demo data: " + count + " members, " + entries + " new entries in " + ms + " ms");
  }

  /**
   * A year of flights, partner activity and the odd redemption, richer for the few frequent flyers.
   */
  private List<PostMiles> historyOf(int i, MemberNumber m, Random rnd, LocalDate firstMonth) {
    List<PostMiles> out = new ArrayList<>();
    int level = rnd.nextInt(100);
    double flightsPerMonth = level < 3 ? 4 : level < 15 ? 1.5 : level < 60 ? 0.4 : 0.1;
    int k = 0;
    long balance = 0;
    for (int month = 0; month < 12; month++) {
      LocalDate base = firstMonth.plusMonths(month);
      int flights = (int) Math.round(flightsPerMonth * (0.5 + rnd.nextDouble()));
      for (int f = 0; f < flights; f++) {
        Route r = ROUTES[rnd.nextInt(ROUTES.length)];
        String cls = CLASSES[rnd.nextInt(CLASSES.length)];
        double factor =
            switch (cls) {
              case "J", "C" -> 2.0;
              case "Y", "M", "K" -> 1.1;
              case "B" -> r.domestic() ? 0.75 : 1.0;
              case "L", "Q" -> 0.75;
              default -> r.domestic() ? 0.5 : 0.25;
            };
        long miles = Math.max(r.domestic() ? 300 : 500, Math.round(r.miles() * factor));
        LocalDate day = base.plusDays(rnd.nextInt(base.lengthOfMonth()));
        // a flight qualifies (miles and one flight), so the tier counters, upgrades and the
        // console's tier pages have a year of real activity on a first run
        out.add(
            new PostMiles(
                m,
                EntryType.CREDIT,
                miles,
                ref(i, k++),
                day,
                r.flight() + " " + r.from() + "-" + r.to() + " class " + cls,
                Qualifying.of(miles, BigDecimal.ONE),
                null));
        balance += miles;
      }
      if (rnd.nextInt(10) == 0) {
        int nights = 1 + rnd.nextInt(4);
        out.add(
            credit(
                m,
                nights * 500L,
                i,
                k++,
                base.plusDays(10),
                "Hotel partner: " + nights + " night(s)"));
        balance += nights * 500L;
      }
      if (rnd.nextInt(4) == 0) {
        long spend = 50 + rnd.nextInt(2_000);
        out.add(credit(m, spend, i, k++, base.plusDays(20), "Co-brand card spend"));
        balance += spend;
      }
      if (balance > 20_000 && rnd.nextInt(6) == 0) {
        long award = balance > 60_000 ? 35_000 : 7_000;
        out.add(
            new PostMiles(
                m,
                EntryType.DEBIT,
                -award,
                ref(i, k++),
                base.plusDays(25),
                award == 7_000 ? "Award ticket HAN-SGN Economy" : "Award ticket HAN-NRT Economy"));
        balance -= award;
      }
    }
    if (rnd.nextInt(20) == 0) {
      out.add(
          new PostMiles(
              m,
              EntryType.ADJUSTMENT,
              1_000,
              ref(i, k++),
              firstMonth.plusMonths(11),
              "Goodwill: delayed flight"));
    }
    return out;
  }

  /** Holds and status changes, applied after the history is posted. */
  private List<Runnable> extras(int i, MemberNumber m, Random rnd) {
    List<Runnable> out = new ArrayList<>();
    int roll = rnd.nextInt(200);
    if (roll < 10) {
      SourceReference hold = SourceReference.of("demo-hold-" + i);
      out.add(
          () -> {
            if (ledger.balance(m).available() >= 2_500 && ledger.holds(m, false).isEmpty()) {
              ledger.placeHold(
                  new PlaceHold(
                      m, 2_500, hold, Duration.ofDays(7), "Cash & Miles hold, PNR DEMO" + i));
            }
          });
    } else if (roll < 12) {
      out.add(() -> changeOnce(m, MemberStatus.SUSPENDED, "Demo: suspected account sharing"));
    } else if (roll == 12) {
      out.add(() -> changeOnce(m, MemberStatus.CLOSED, "Demo: member asked to close the account"));
    }
    return out;
  }

  /** Only for a member untouched since enrollment, so a restart never undoes an agent's change. */
  private void changeOnce(MemberNumber m, MemberStatus target, String reason) {
    var member = members.get(m);
    if (member.status() == MemberStatus.ACTIVE && member.updatedAt().equals(member.enrolledAt())) {
      members.changeStatus(m, target, reason);
    }
  }

  private static PostMiles credit(
      MemberNumber m, long miles, int i, int k, LocalDate day, String what) {
    return new PostMiles(m, EntryType.CREDIT, miles, ref(i, k), day, what);
  }

  private static SourceReference ref(int i, int k) {
    return SourceReference.of("demo:" + i + ":" + k);
  }
}
