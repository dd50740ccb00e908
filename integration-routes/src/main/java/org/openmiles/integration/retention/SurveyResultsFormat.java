package org.openmiles.integration.retention;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.ValidationException;
import org.openmiles.common.text.AsciiDecimal;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.integration.common.Feed;
import org.openmiles.integration.common.SegmentFields;
import org.openmiles.retention.api.EngagementReferences;
import org.openmiles.retention.api.RecordNpsAnswer;
import org.openmiles.retention.api.SurveyAnswerLine;
import org.openmiles.retention.api.Touchpoint;

/**
 * The survey tool's NPS results file, version 1: one answer per line, comma-separated with RFC 4180
 * quoting (a comment with commas or quotes is quoted).
 *
 * <pre>
 * H,OPENMILES-SURVEY-RESULTS,1,&lt;host carrier&gt;,&lt;file date yyyy-MM-dd&gt;,&lt;file reference&gt;
 * D,&lt;answer id&gt;,&lt;member number&gt;,&lt;score 0-10&gt;,&lt;touchpoint&gt;,&lt;answered at&gt;,
 *   &lt;flight&gt;,&lt;route&gt;,&lt;comment&gt;
 * T,&lt;number of D records&gt;,&lt;sum of the scores&gt;
 * </pre>
 *
 * The answered-at time is ISO-8601 with an offset ({@code 2026-12-06T10:15:00+07:00}); flight,
 * route and comment may be empty.
 */
public final class SurveyResultsFormat {
  public static final String NAME = "OPENMILES-SURVEY-RESULTS";
  public static final String VERSION = "1";
  public static final int FIELDS = 9;
  private static final int SCORE = 3;

  private SurveyResultsFormat() {}

  public static void checkHeader(List<String> f, String host) throws BadRecord {
    Feed.checkHeader(f, host, NAME, VERSION, 6);
  }

  /** The score of a detail line for the control total, or null if it is not a number. */
  public static BigDecimal scoreOf(List<String> f) {
    return f.size() > SCORE ? Feed.decimal(f.get(SCORE).strip()) : null;
  }

  /** Parses and checks one detail record. */
  public static SurveyAnswerLine detail(List<String> f, long line) throws BadRecord {
    if (f.size() != FIELDS) {
      throw new BadRecord(
          "WRONG_FIELD_COUNT",
          "a survey answer record has " + FIELDS + " fields, this one has " + f.size());
    }
    if (!f.get(0).equals("D")) {
      throw new BadRecord("UNKNOWN_RECORD_TYPE", "record type '" + f.get(0) + "' is not D");
    }
    String answerId = f.get(1).strip();
    if (!EngagementReferences.isValidActionId(answerId)) {
      throw new BadRecord(
          "INVALID_ANSWER_ID",
          "answer id '" + answerId + "' must be 1 to 64 of A-Z a-z 0-9 . _ : -");
    }
    var member = SegmentFields.memberNumber(f.get(2));
    if (member == null) {
      throw new BadRecord("INVALID_MEMBER_NUMBER", "the member number is required");
    }
    String s = f.get(SCORE).strip();
    if (!AsciiDecimal.isDigits(s) || s.length() > 2) {
      throw new BadRecord("SCORE_OUT_OF_RANGE", "score '" + s + "' must be a whole number 0 to 10");
    }
    OffsetDateTime answered;
    try {
      answered = OffsetDateTime.parse(f.get(5).strip());
    } catch (DateTimeParseException e) {
      throw new BadRecord(
          "INVALID_DATE",
          "answered-at '"
              + f.get(5)
              + "' must be ISO-8601 with an offset, e.g."
              + " 2026-12-06T10:15:00+07:00");
    }
    try {
      return new SurveyAnswerLine(
          line,
          new RecordNpsAnswer(
              answerId,
              member,
              Integer.parseInt(s),
              f.get(8),
              Touchpoint.parse(f.get(4)),
              f.get(6),
              f.get(7),
              answered.toInstant()));
    } catch (ValidationException e) {
      var field = e.fieldErrors().entrySet().iterator().next();
      throw new BadRecord(
          "INVALID_" + field.getKey().toUpperCase(java.util.Locale.ROOT),
          field.getKey() + " " + field.getValue());
    } catch (OpenMilesException e) {
      throw new BadRecord(e.code(), e.getMessage());
    }
  }
}
