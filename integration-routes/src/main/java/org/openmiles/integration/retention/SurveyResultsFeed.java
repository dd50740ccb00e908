package org.openmiles.integration.retention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.integration.airline.CarrierFeed;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.retention.api.SurveyAnswerLine;

/**
 * The survey-results format ({@link SurveyResultsFormat}) as a feed: sent for the host carrier; a
 * line's identity is its answer id, so the same answer twice in one file is rejected the second
 * time.
 */
final class SurveyResultsFeed extends CarrierFeed<SurveyAnswerLine> {

  SurveyResultsFeed() {
    super(SurveyResultsFormat.NAME, SurveyResultsFormat.VERSION);
  }

  @Override
  public void checkHeader(List<String> fields, String sender) throws BadRecord {
    SurveyResultsFormat.checkHeader(fields, sender);
  }

  @Override
  public BigDecimal controlAmount(List<String> fields) {
    return SurveyResultsFormat.scoreOf(fields);
  }

  @Override
  public SurveyAnswerLine detail(List<String> fields, String sender, long line, LocalDate today)
      throws BadRecord {
    return SurveyResultsFormat.detail(fields, line);
  }

  @Override
  public String identity(SurveyAnswerLine record) {
    return "answer " + record.answer().answerId();
  }
}
