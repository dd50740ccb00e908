package org.openmiles.common.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

  @Test
  void cellsThatASpreadsheetWouldRunAreQuotedAndPrefixed() {
    assertThat(CsvCells.cell("=HYPERLINK(\"http://x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(CsvCells.cell("+1+cmd|' /C calc'!A0")).isEqualTo("\"'+1+cmd|' /C calc'!A0\"");
    assertThat(CsvCells.cell("-2+3")).isEqualTo("\"'-2+3\"");
    assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    assertThat(CsvCells.cell("\t=1")).isEqualTo("\"'\t=1\"");
    assertThat(CsvCells.cell("\r=1")).isEqualTo("\"'\r=1\"");
    assertThat(CsvCells.cell("+1")).isEqualTo("\"'+1\"");
    assertThat(CsvCells.cell("-")).isEqualTo("\"'-\"");
    assertThat(CsvCells.cell("-1.")).isEqualTo("\"'-1.\"");
  }

  @Test
  void plainNumbersAreDataAndStayAsTheyAre() {
    assertThat(CsvCells.cell("-12.50")).isEqualTo("-12.50");
    assertThat(CsvCells.cell(-3)).isEqualTo("-3");
    assertThat(CsvCells.cell(new java.math.BigDecimal("-0.05"))).isEqualTo("-0.05");
    assertThat(CsvCells.cell("8000")).isEqualTo("8000");
  }

  @Test
  void ordinaryCellsAreQuotedOnlyWhenRfc4180NeedsIt() {
    assertThat(CsvCells.cell("PROCESSED")).isEqualTo("PROCESSED");
    assertThat(CsvCells.cell("D,R1,x")).isEqualTo("\"D,R1,x\"");
    assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvCells.cell(null)).isEmpty();
    assertThat(CsvCells.cell("a-b=c")).isEqualTo("a-b=c");
  }

  @Test
  void aRowIsItsCellsAndALineFeed() throws Exception {
    StringBuilder out = new StringBuilder();
    CsvCells.writeRow(out, 3, "INVALID_QUANTITY", "bad", "=1+1");
    assertThat(out).hasToString("3,INVALID_QUANTITY,bad,\"'=1+1\"\n");
  }

  @Test
  void neutralisingTwiceChangesNothingMore() {
    String once = CsvCells.neutralise("=1+1");
    assertThat(CsvCells.neutralise(once)).isEqualTo(once);
  }
}
