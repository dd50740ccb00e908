package org.openmiles.app.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.FileRegistration;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.accrual.api.FlightAccrual;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.api.InboundFileSink;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.accrual.api.PartnerActivity;
import org.openmiles.app.jobs.JobTransactions;
import org.openmiles.common.Sha256;
import org.openmiles.retention.api.Campaigns;
import org.openmiles.retention.api.Channel;
import org.openmiles.retention.api.ConsentSource;
import org.openmiles.retention.api.Consents;
import org.openmiles.retention.api.Engagement;
import org.openmiles.retention.api.NpsAnswers;
import org.openmiles.retention.api.RecordAction;
import org.openmiles.retention.api.RecordConsent;
import org.openmiles.retention.api.RecordNpsAnswer;
import org.openmiles.retention.api.ScoringRuns;
import org.openmiles.retention.api.Touchpoint;

/**
 * Demo members with a year of varied history, so agents, marketing and developers have something
 * real to look at. Flights and partner activity arrive as the airline's and partners' files would:
 * through accrual's file sinks ({@link DemoActivity}), one demo "file" per feed and month, so they
 * carry fares, partner categories and qualifying activity, and retention's facts see them. Off
 * unless {@code openmiles.demo.members} is above zero (the run command sets 1,000).
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

  @Inject MemberService members;
  @Inject MilesLedger ledger;
  @Inject FlightAccrual flights;
  @Inject PartnerAccrual partners;
  @Inject Clock clock;
  @Inject Consents consents;
  @Inject NpsAnswers nps;
  @Inject Engagement engagement;
  @Inject ScoringRuns scoring;
  @Inject Campaigns campaigns;

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

  /** A demo "file" of one feed: registered once per seeding month, credited chunk by chunk. */
  private final class DemoFile<R> {
    private final InboundFileSink<R> sink;
    private final String sender;
    private final long fileId;
    private final boolean done;
    private FileSummary summary = new FileSummary(0, 0, 0, 0, 0, 0);

    DemoFile(InboundFileSink<R> sink, String sender, String name) {
      this.sink = sink;
      this.sender = sender;
      FileRegistration r =
          transactions.inNewTransaction(
              () -> sink.registerFile(sender, name, Sha256.hex("openmiles-demo:" + name)));
      this.fileId = r.fileId();
      // a seeding of the same month finished before: its records are all in already
      this.done = r.status() == FileRegistration.Status.DUPLICATE;
    }

    void credit(List<R> records) {
      if (done || records.isEmpty()) {
        return;
      }
      for (ActivityResult r : transactions.inNewTransaction(() -> sink.credit(fileId, records))) {
        summary = summary.plus(r);
      }
    }

    void complete() {
      if (!done) {
        transactions.inNewTransaction(
            () -> {
              sink.completeFile(fileId, summary);
              return null;
            });
        LOG.info(
            () ->
                "demo data: "
                    + sender
                    + " file "
                    + fileId
                    + ": "
                    + summary.accepted()
                    + " of "
                    + summary.records()
                    + " records credited, "
                    + summary.milesIssued()
                    + " miles");
      }
    }
  }

  private void seedAll() {
    long start = System.nanoTime();
    LocalDate today = LocalDate.now(clock);
    LocalDate firstMonth = today.withDayOfMonth(1).minusMonths(11);
    LocalDate lastDay = today.minusDays(1);
    String month = firstMonth.toString().substring(0, 7);
    DemoFile<FlownCoupon> flown =
        new DemoFile<>(flights, flights.hostCarrier(), "demo-flown-coupons-" + month + ".csv");
    Map<String, DemoFile<PartnerActivity>> partnerFiles = new LinkedHashMap<>();
    for (String code : List.of("DEMO_HOTEL", "DEMO_CAR", "DEMO_BANK", "DEMO_RETAIL")) {
      partnerFiles.put(
          code, new DemoFile<>(partners, code, code.toLowerCase() + "-demo-" + month + ".csv"));
    }
    int posted = 0;
    for (int from = 1; from <= count; from += CHUNK) {
      List<FlownCoupon> coupons = new ArrayList<>();
      Map<String, List<PartnerActivity>> records = new LinkedHashMap<>();
      partnerFiles.keySet().forEach(code -> records.put(code, new ArrayList<>()));
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
        DemoActivity.Plan plan = DemoActivity.of(i, m, given, family, rnd, firstMonth, lastDay);
        coupons.addAll(plan.coupons());
        records.get("DEMO_HOTEL").addAll(plan.hotel());
        records.get("DEMO_CAR").addAll(plan.car());
        records.get("DEMO_BANK").addAll(plan.bank());
        records.get("DEMO_RETAIL").addAll(plan.retail());
        after.addAll(awards(i, m, plan.awards()));
        if (rnd.nextInt(20) == 0) {
          history.add(
              new PostMiles(
                  m,
                  EntryType.ADJUSTMENT,
                  1_000,
                  SourceReference.of("demo:" + i + ":goodwill"),
                  lastDay,
                  "Goodwill: delayed flight"));
        }
        after.addAll(extras(i, m, rnd));
        after.addAll(voice(i, m, enrollment.marketingConsent(), plan, lastDay));
      }
      flown.credit(coupons);
      records.forEach((code, list) -> partnerFiles.get(code).credit(list));
      posted += transactions.inNewTransaction(() -> ledger.postBatch(history)).posted().size();
      // each in its own transaction; one refused (a rule changed since) does not stop the seeding
      after.forEach(
          r -> {
            try {
              transactions.inNewTransaction(
                  () -> {
                    r.run();
                    return null;
                  });
            } catch (RuntimeException e) {
              LOG.log(Level.FINE, "demo data: skipped " + e.getMessage(), e);
            }
          });
      int done = Math.min(from + CHUNK - 1, count);
      if (done % 250 == 0 || done == count) {
        LOG.info("demo data: " + done + " of " + count + " members ready");
      }
    }
    flown.complete();
    score();
    partnerFiles.values().forEach(DemoFile::complete);
    long ms = (System.nanoTime() - start) / 1_000_000;
    int entries = posted;
    LOG.info(
        () ->
            "demo data: "
                + count
                + " members, their flights and partner activity through accrual, "
                + entries
                + " other new entries in "
                + ms
                + " ms");
  }

  /**
   * Scores the demo members at once and runs the campaigns (the nightly run would do both at
   * 01:30), so segments, churn risk, lifetime values and campaign audiences show on a first run.
   */
  private void score() {
    try {
      var run = scoring.runNow("demo");
      LOG.info(
          () ->
              "demo data: scoring run "
                  + run.id()
                  + " "
                  + run.state()
                  + ", "
                  + run.scored()
                  + " members scored");
      var selected = campaigns.runNow("demo");
      LOG.info(
          () ->
              "demo data: campaign run "
                  + selected.id()
                  + " "
                  + selected.state()
                  + ", "
                  + selected.selected()
                  + " members selected");
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "demo data: the scoring or campaign run did not finish: " + e.getMessage(),
          e);
    }
  }

  /**
   * The member's voice: consent to SMS for some of those who gave it for e-mail at enrollment
   * (which retention records itself, ConsentOnEnrollment), a few who withdraw it, survey answers
   * after some flights (lapsed members are less happy), a completed profile and app check-ins. All
   * idempotent: answer and action ids are fixed per member, a repeated consent decision adds
   * nothing.
   */
  private List<Runnable> voice(
      int i, MemberNumber m, boolean consented, DemoActivity.Plan plan, LocalDate lastDay) {
    Random rnd = new Random(31L * i + 7);
    List<Runnable> out = new ArrayList<>();
    if (consented) {
      if (rnd.nextInt(3) == 0) {
        out.add(
            () ->
                consents.record(
                    new RecordConsent(m, Channel.SMS, true, ConsentSource.APP, "demo")));
      }
      if (rnd.nextInt(15) == 0) {
        out.add(
            () ->
                consents.record(
                    new RecordConsent(m, Channel.EMAIL, false, ConsentSource.CALL_CENTER, "demo")));
      }
    }
    boolean lapsed =
        !plan.coupons().isEmpty()
            && plan.coupons()
                .get(plan.coupons().size() - 1)
                .flight()
                .date()
                .isBefore(lastDay.minusMonths(3));
    int n = 0;
    for (var c : plan.coupons()) {
      if (rnd.nextInt(4) != 0 || n >= 3) {
        continue;
      }
      int score = lapsed ? 2 + rnd.nextInt(8) : 6 + rnd.nextInt(5);
      String id = "demo-nps-" + i + "-" + n++;
      var f = c.flight();
      out.add(
          () ->
              nps.answer(
                  new RecordNpsAnswer(
                      id,
                      m,
                      score,
                      score >= 9 ? "Great crew" : score <= 6 ? "Delayed and no information" : "",
                      Touchpoint.FLIGHT,
                      f.marketingCarrier() + f.number(),
                      f.origin() + "-" + f.destination(),
                      (f.date().isBefore(lastDay) ? f.date().plusDays(1) : lastDay)
                          .atStartOfDay(java.time.ZoneOffset.UTC)
                          .toInstant()),
                  "demo"));
    }
    if (rnd.nextInt(5) < 2) {
      out.add(
          () ->
              engagement.record(
                  new RecordAction(m, "demo-profile-" + i, "PROFILE_COMPLETED", null, "demo")));
    }
    if (!lapsed && !plan.coupons().isEmpty() && rnd.nextInt(3) == 0) {
      out.add(
          () ->
              engagement.record(
                  new RecordAction(m, "demo-checkin-" + i, "APP_CHECK_IN", null, "demo")));
    }
    return out;
  }

  /** The awards of a plan, each redeemed if the member has the miles by then. */
  private List<Runnable> awards(int i, MemberNumber m, List<DemoActivity.Award> awards) {
    List<Runnable> out = new ArrayList<>();
    for (int n = 0; n < awards.size(); n++) {
      DemoActivity.Award a = awards.get(n);
      SourceReference ref = SourceReference.of("demo:" + i + ":award:" + n);
      out.add(
          () -> {
            if (ledger.balance(m).available() >= a.miles()) {
              ledger.postBatch(
                  List.of(new PostMiles(m, EntryType.DEBIT, -a.miles(), ref, a.day(), a.what())));
            }
          });
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
}
