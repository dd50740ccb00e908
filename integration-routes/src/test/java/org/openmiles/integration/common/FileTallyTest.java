package org.openmiles.integration.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmiles.integration.common.BoundedLineReader.Line;

/**
 * The checking pass's decisions, line by line and at the end of the file: which files are refused
 * whole, with which code, at which line, and when the control total is verified.
 */
class FileTallyTest {
  private static final String H = TestFeed.HEADER;

  /** A line that starts with {@code !} stands for a line longer than the maximum. */
  private static FileCheck.Result check(List<String> lines) {
    FileTally tally = new FileTally(new TestFeed(), "DEMO");
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      Line line =
          text.startsWith("!")
              ? new Line(i + 1, text.substring(1), true)
              : new Line(i + 1, text, false);
      BadRecord refusal = tally.take(line);
      if (refusal != null) {
        return new FileCheck.Result(
            "sum", tally.records(), refusal.code(), refusal.getMessage(), i + 1, text, false);
      }
    }
    return tally.verdict("sum", lines.size());
  }

  static Stream<Arguments> files() {
    return Stream.of(
        // name, lines, code (null: accepted), line, records, total verified
        arguments("well formed", List.of(H, "D,a,10", "D,b,5", "T,2,15"), null, 0, 2, true),
        arguments("blank lines", List.of("", H, " ", "D,a,10", "T,1,10", ""), null, 0, 1, true),
        arguments("no lines", List.of(), "EMPTY_FILE", 0, 0, false),
        arguments("only blank lines", List.of("", "  "), "EMPTY_FILE", 0, 0, false),
        arguments("detail first", List.of("D,a,10", "T,1,10"), "MISSING_HEADER", 1, 0, false),
        arguments("long first line", List.of("!H,TEST", "T,0,0"), "MISSING_HEADER", 1, 0, false),
        arguments("broken header", List.of("H,\"TEST", "T,0,0"), "MALFORMED_LINE", 1, 0, false),
        arguments(
            "other sender",
            List.of("H,TEST-FEED,1,OTHER,2026-11-24,REF1", "T,0,0"),
            "WRONG_SENDER",
            1,
            0,
            false),
        arguments("no trailer", List.of(H, "D,a,10", "D,b,5"), "TRUNCATED_FILE", 3, 2, false),
        arguments(
            "after trailer",
            List.of(H, "D,a,10", "T,1,10", "D,b,5"),
            "DATA_AFTER_TRAILER",
            4,
            1,
            false),
        arguments("bad trailer", List.of(H, "D,a,10", "T,1"), "BAD_TRAILER", 3, 1, false),
        arguments(
            "count differs", List.of(H, "D,a,10", "T,2,10"), "CONTROL_COUNT_MISMATCH", 3, 1, false),
        arguments(
            "total differs", List.of(H, "D,a,10", "T,1,11"), "CONTROL_TOTAL_MISMATCH", 3, 1, false),
        arguments("amount not a number", List.of(H, "D,a,x", "T,1,99"), null, 0, 1, false),
        arguments("broken detail", List.of(H, "D,\"a,10", "T,1,99"), null, 0, 1, false),
        arguments("long detail", List.of(H, "!D,a,10", "T,1,99"), null, 0, 1, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void decides(
      String name, List<String> lines, String code, long line, long records, boolean verified) {
    FileCheck.Result result = check(lines);
    assertThat(result.code()).as("code").isEqualTo(code);
    assertThat(result.line()).as("line").isEqualTo(line);
    assertThat(result.records()).as("records").isEqualTo(records);
    assertThat(result.totalVerifiable()).as("total verified").isEqualTo(verified);
    assertThat(result.checksum()).isEqualTo("sum");
    assertThat(result.ok()).as("ok").isEqualTo(code == null);
    if (code == null) {
      assertThat(result.reason()).isNull();
    } else {
      assertThat(result.reason()).isNotBlank();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mismatches")
  void aMismatchNamesBothValuesAndPointsAtTheTrailer(List<String> lines, String reason) {
    FileCheck.Result result = check(lines);
    assertThat(result.reason()).isEqualTo(reason);
    assertThat(result.original()).isEqualTo(lines.get(lines.size() - 1));
  }

  static Stream<Arguments> mismatches() {
    return Stream.of(
        arguments(List.of(H, "D,a,10", "T,2,10"), "the trailer says 2 records but the file has 1"),
        arguments(
            List.of(H, "D,a,10.5", "D,b,-0.25", "T,2,10"),
            "the trailer's total is 10 but the records add up to 10.25"));
  }
}
