package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.FileRegistration;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.common.ValidationException;
import org.openmiles.common.time.AirlineZone;
import org.openmiles.common.tx.RetriedTransaction;
import org.openmiles.retention.api.NpsAnswerConflictException;
import org.openmiles.retention.api.NpsAnswerView;
import org.openmiles.retention.api.NpsAnswers;
import org.openmiles.retention.api.NpsDimension;
import org.openmiles.retention.api.NpsReport;
import org.openmiles.retention.api.NpsRow;
import org.openmiles.retention.api.RecordNpsAnswer;
import org.openmiles.retention.api.SurveyAnswerLine;
import org.openmiles.retention.domain.NetPromoterScore;
import org.openmiles.retention.domain.NpsRepository;
import org.openmiles.retention.domain.NpsRepository.GroupCount;
import org.openmiles.retention.domain.NpsRepository.Origin;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.TierBenefits;

/**
 * NPS answers by API and by survey-results file: each stored once per answer id with the member's
 * tier on the day answered (airline time zone), and counted once as the engagement action
 * NPS_ANSWERED, in the same transaction. The file side registers files by content in {@code
 * retention.survey_file}, so a re-sent file is a duplicate and adds nothing.
 */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class DefaultNpsAnswers implements NpsAnswers {
  /** How far in the future an answer's time may be (clocks of survey tools drift). */
  static final Duration SKEW = Duration.ofMinutes(5);

  /** The principal of answers that came in a file. */
  static final String FILE_PRINCIPAL = "survey-file";

  @Inject NpsRepository repo;
  @Inject Members members;
  @Inject MemberTiers tiers;
  @Inject DefaultEngagement engagement;
  @Inject AirlineZone calendar;
  @Inject Clock clock;

  /**
   * How old an answer may be, in months (airline dates): a survey is answered days after its
   * touchpoint, and the tier it is reported under must be one the tier program knows.
   */
  @Inject
  @ConfigProperty(name = "openmiles.retention.nps.max-age-months", defaultValue = "12")
  int maxAgeMonths;

  @Override
  public NpsAnswerView answer(RecordNpsAnswer answer, String principal) {
    members.require(answer.member());
    if (answer.answeredAt().isAfter(clock.instant().plus(SKEW))) {
      throw ValidationException.of("answeredAt", "is in the future");
    }
    if (tooOld(answer)) {
      throw ValidationException.of("answeredAt", "is more than " + maxAgeMonths + " months ago");
    }
    return store(answer, new Origin("API", null, null, principal));
  }

  /** Stores the answer, or answers the stored one (replayed) if its id is known. */
  private NpsAnswerView store(RecordNpsAnswer a, Origin origin) {
    var known = repo.find(a.answerId());
    if (known.isPresent()) {
      return replay(known.get(), a);
    }
    ZoneId zone = calendar.zone();
    TierBenefits tier = tiers.tierOn(a.member(), LocalDate.ofInstant(a.answeredAt(), zone));
    String tierCode = tier == null ? null : tier.code();
    if (!repo.insert(a, tierCode, origin, clock.instant())) {
      // the same answer id committed meanwhile
      return replay(repo.find(a.answerId()).orElseThrow(), a);
    }
    engagement.countNpsAnswer(a.member(), a.answerId(), origin.principal());
    return new NpsAnswerView(
        a.answerId(),
        a.member(),
        a.score(),
        a.comment(),
        a.touchpoint(),
        a.flight(),
        a.route(),
        a.answeredAt(),
        tierCode,
        origin.source(),
        false);
  }

  private boolean tooOld(RecordNpsAnswer a) {
    LocalDate answered = LocalDate.ofInstant(a.answeredAt(), calendar.zone());
    return answered.isBefore(calendar.today().minusMonths(maxAgeMonths));
  }

  private static NpsAnswerView replay(NpsAnswerView known, RecordNpsAnswer a) {
    if (!known.member().equals(a.member())
        || known.score() != a.score()
        || known.touchpoint() != a.touchpoint()) {
      throw new NpsAnswerConflictException(
          "survey answer "
              + a.answerId()
              + " is already stored with another member, score or touchpoint");
    }
    return new NpsAnswerView(
        known.answerId(),
        known.member(),
        known.score(),
        known.comment(),
        known.touchpoint(),
        known.flight(),
        known.route(),
        known.answeredAt(),
        known.tier(),
        known.source(),
        true);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<NpsAnswerView> history(MemberNumber member, int limit) {
    if (limit < 1 || limit > 100) {
      throw ValidationException.of("limit", "must be 1 to 100");
    }
    return repo.ofMember(member.value(), limit);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public NpsReport report(NpsDimension by, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw ValidationException.of("to", "must not be before from");
    }
    ZoneId zone = calendar.zone();
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant until = to.plusDays(1).atStartOfDay(zone).toInstant();
    List<NpsRow> rows = new ArrayList<>();
    long answers = 0;
    long promoters = 0;
    long detractors = 0;
    for (GroupCount g : repo.counts(by, start, until, zone)) {
      rows.add(NetPromoterScore.row(g.key(), g.answers(), g.promoters(), g.detractors()));
      answers += g.answers();
      promoters += g.promoters();
      detractors += g.detractors();
    }
    return new NpsReport(
        by, from, to, rows, NetPromoterScore.row("TOTAL", answers, promoters, detractors));
  }

  // --- the survey-results file (integration-routes' survey feed)

  @Override
  public FileRegistration registerFile(String sender, String fileName, String checksum) {
    return repo.registerFile(sender, fileName, checksum, clock.instant());
  }

  /**
   * One chunk of a file's answers in one transaction: each is stored (CREDITED, with 0 miles),
   * known already by its answer id (DUPLICATE, whatever it says now), or refused (REJECTED: an
   * unknown member, an answer in the future). Nothing here throws for one record.
   */
  @Override
  public List<ActivityResult> credit(long fileId, List<SurveyAnswerLine> chunk) {
    Instant latest = clock.instant().plus(SKEW);
    List<ActivityResult> results = new ArrayList<>(chunk.size());
    for (SurveyAnswerLine l : chunk) {
      RecordNpsAnswer a = l.answer();
      results.add(creditOne(fileId, l.line(), a, latest));
    }
    return results;
  }

  private ActivityResult creditOne(long fileId, long line, RecordNpsAnswer a, Instant latest) {
    if (repo.find(a.answerId()).isPresent()) {
      return new ActivityResult(line, ActivityResult.Outcome.DUPLICATE, 0, null, null);
    }
    MemberNumber member = a.member();
    if (members.find(member).isEmpty()) {
      return ActivityResult.rejected(
          line, "MEMBER_NOT_FOUND", "member " + member.value() + " is not enrolled");
    }
    if (a.answeredAt().isAfter(latest)) {
      return ActivityResult.rejected(line, "FUTURE_DATE", "the answer time is in the future");
    }
    if (tooOld(a)) {
      return ActivityResult.rejected(
          line, "TOO_OLD", "the answer is more than " + maxAgeMonths + " months old");
    }
    NpsAnswerView stored = store(a, new Origin("FILE", fileId, line, FILE_PRINCIPAL));
    return new ActivityResult(
        line,
        stored.replayed() ? ActivityResult.Outcome.DUPLICATE : ActivityResult.Outcome.CREDITED,
        0,
        null,
        null);
  }

  @Override
  public void completeFile(long fileId, FileSummary summary) {
    repo.completeFile(fileId, summary, clock.instant());
  }

  @Override
  public void rejectFile(long fileId, String reason, int recordCount) {
    repo.rejectFile(fileId, reason, recordCount, clock.instant());
  }

  @Override
  public void failFile(long fileId, String reason) {
    repo.failFile(fileId, reason, clock.instant());
  }
}
