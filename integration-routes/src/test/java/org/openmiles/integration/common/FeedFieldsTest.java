package org.openmiles.integration.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines without quotes are cut directly; the result must be what Commons CSV makes of them. */
class FeedFieldsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "D,TX1,1000000017,Nguyen,2026-01-15,SPEND,2000000,VND,Dinner",
        "D,,,,",
        ",",
        "a",
        " a , b ,",
        "D,TX1,1000000017,Nguyen,2026-01-15,SPEND,2000000,VND,",
        "T,3,60",
        "D,\"quoted, with comma\",x",
        "D,\"say \"\"hi\"\"\",y",
        "Ä,ß,日本"
      })
  void sameFieldsAsCommonsCsv(String line) throws Exception {
    List<String> expected;
    try (CSVParser p = CSVParser.parse(line, CSVFormat.RFC4180)) {
      expected = p.getRecords().get(0).toList();
    }
    assertThat(Feed.fields(line)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "D,\"unterminated"})
  void emptyOrBrokenLinesAreMalformed(String line) {
    assertThatThrownBy(() -> Feed.fields(line)).isInstanceOf(BadRecord.class);
  }
}
