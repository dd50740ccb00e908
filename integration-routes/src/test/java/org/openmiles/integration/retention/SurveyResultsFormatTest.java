package org.openmiles.integration.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.integration.common.Feed;
import org.openmiles.retention.api.SurveyAnswerLine;
import org.openmiles.retention.api.Touchpoint;

class SurveyResultsFormatTest {
  private static final String MEMBER = "1000000016";

  private static SurveyAnswerLine parse(String line) throws BadRecord {
    return SurveyResultsFormat.detail(Feed.fields(line), 7);
  }

  @Test
  void aFullRecordWithAQuotedComment() throws BadRecord {
    SurveyAnswerLine l =
        parse(
            "D,svy-1,"
                + MEMBER
                + ",9,flight,2026-12-06T10:15:00+07:00,VN243,SGN-HAN,\"Great, \"\"fast\"\" crew\"");
    assertThat(l.line()).isEqualTo(7);
    assertThat(l.answer().score()).isEqualTo(9);
    assertThat(l.answer().touchpoint()).isEqualTo(Touchpoint.FLIGHT);
    assertThat(l.answer().answeredAt()).isEqualTo(Instant.parse("2026-12-06T03:15:00Z"));
    assertThat(l.answer().route()).isEqualTo("SGN-HAN");
    assertThat(l.answer().comment()).isEqualTo("Great, \"fast\" crew");
  }

  @Test
  void flightRouteAndCommentMayBeEmpty() throws BadRecord {
    SurveyAnswerLine l = parse("D,svy-2," + MEMBER + ",0,CALL,2026-12-06T10:15:00Z,,,");
    assertThat(l.answer().flight()).isNull();
    assertThat(l.answer().route()).isNull();
    assertThat(l.answer().comment()).isNull();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "D,svy-3,1000000016,11,FLIGHT,2026-12-06T10:15:00Z,,,|SCORE_OUT_OF_RANGE",
        "D,svy-3,1000000016,-1,FLIGHT,2026-12-06T10:15:00Z,,,|SCORE_OUT_OF_RANGE",
        "D,svy-3,1000000016,nine,FLIGHT,2026-12-06T10:15:00Z,,,|SCORE_OUT_OF_RANGE",
        "D,svy-3,1000000016,9,LOUNGE,2026-12-06T10:15:00Z,,,|UNKNOWN_TOUCHPOINT",
        "D,svy-3,1000000017,9,FLIGHT,2026-12-06T10:15:00Z,,,|INVALID_MEMBER_NUMBER",
        "D,svy 3,1000000016,9,FLIGHT,2026-12-06T10:15:00Z,,,|INVALID_ANSWER_ID",
        "D,svy-3,1000000016,9,FLIGHT,2026-12-06 10:15,,,|INVALID_DATE",
        "D,svy-3,1000000016,9,FLIGHT,2026-12-06T10:15:00Z,,SGNHAN,|INVALID_ROUTE",
        "D,svy-3,1000000016,9,FLIGHT,2026-12-06T10:15:00Z,VN24345,,|INVALID_FLIGHT",
        "D,svy-3,1000000016,9,FLIGHT,2026-12-06T10:15:00Z,,|WRONG_FIELD_COUNT",
      })
  void badRecordsAreRefusedWithAStableCode(String line, String code) {
    assertThatThrownBy(() -> parse(line))
        .isInstanceOf(BadRecord.class)
        .extracting(e -> ((BadRecord) e).code())
        .isEqualTo(code);
  }

  @Test
  void theControlTotalIsTheSumOfScores() throws BadRecord {
    assertThat(SurveyResultsFormat.scoreOf(Feed.fields("D,a," + MEMBER + ",7,CALL,x,,,")))
        .isEqualByComparingTo("7");
  }
}
