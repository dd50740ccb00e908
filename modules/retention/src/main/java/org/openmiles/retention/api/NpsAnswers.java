package org.openmiles.retention.api;

import java.time.LocalDate;
import org.openmiles.accrual.api.InboundFileSink;

/**
 * NPS survey answers (docs/retention.md, NPS), by API ({@link #answer}) and by survey-results file
 * (the {@link InboundFileSink} side: the file route registers a file by content, hands its answers
 * over in chunks and completes it). An answer is stored once per answer id, with the member's tier
 * that day, and counts as the engagement action {@code NPS_ANSWERED} once.
 */
public interface NpsAnswers extends InboundFileSink<SurveyAnswerLine> {

  /**
   * Stores an answer; the same answer id again answers the stored one ({@code replayed}).
   *
   * @param principal who sent it (the token's subject)
   * @throws org.openmiles.accounts.api.MemberNotFoundException for an unknown member
   * @throws NpsAnswerConflictException if the id is stored with another member, score or touchpoint
   */
  NpsAnswerView answer(RecordNpsAnswer answer, String principal);

  /**
   * NPS of the answers from {@code from} to {@code to} (airline dates, inclusive) by {@code by}.
   */
  NpsReport report(NpsDimension by, LocalDate from, LocalDate to);

  /** The member's latest {@code limit} answers (1 to 100), newest first. */
  java.util.List<NpsAnswerView> history(org.openmiles.accounts.api.MemberNumber member, int limit);
}
