package org.openmiles.retention.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.openmiles.accrual.api.FileRegistration;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.retention.api.NpsAnswerView;
import org.openmiles.retention.api.NpsDimension;
import org.openmiles.retention.api.RecordNpsAnswer;

/** NPS answers and survey-results files ({@code retention.nps_answer}, {@code survey_file}). */
public interface NpsRepository {
  Optional<NpsAnswerView> find(String answerId);

  /** A member's latest {@code limit} answers, newest first. */
  List<NpsAnswerView> ofMember(String member, int limit);

  /** Where an answer came from: API, or a file's line. */
  record Origin(String source, Long fileId, Long line, String principal) {}

  /** Stores the answer unless its id is known; whether it was stored. */
  boolean insert(RecordNpsAnswer answer, String tier, Origin origin, Instant now);

  /** Counts of one group: its key, answers, promoters (9-10), detractors (0-6). */
  record GroupCount(String key, long answers, long promoters, long detractors) {}

  /**
   * Counts of the answers given in [{@code from}, {@code until}) grouped by {@code by}, in key
   * order; months in {@code zone}.
   */
  List<GroupCount> counts(NpsDimension by, Instant from, Instant until, ZoneId zone);

  FileRegistration registerFile(String sender, String name, String checksum, Instant now);

  void completeFile(long fileId, FileSummary summary, Instant now);

  void rejectFile(long fileId, String reason, int records, Instant now);

  void failFile(long fileId, String reason, Instant now);
}
