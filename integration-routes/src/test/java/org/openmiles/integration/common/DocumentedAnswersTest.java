package org.openmiles.integration.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the file feeds write to partners and the airline's systems is what {@code
 * docs/file-formats.md} says: every code the file adapters and the accrual services behind them can
 * put in a reject file or an acknowledgement is documented there, and so is the wording of the
 * acknowledgement rows that are sentences (issue 16: "ack wording differs from the docs").
 */
class DocumentedAnswersTest {
  /** Code-shaped strings in those sources that never reach a partner as a code. */
  private static final Set<String> NOT_FILE_CODES =
      Set.of(
          "FLOWN_COUPONS", // a feed's name in accrual.inbound_file
          "INSUFFICIENT_MILES", // the ledger's refusal, written as REVERSAL_EXCEEDS_AVAILABLE
          "MEMBER_NOT_FOUND"); // the ledger's refusal, written as PARKED / MEMBER_NOT_ENROLLED

  /** Accrual domain sources whose codes answer members and agents (claims), never a file. */
  private static final Set<String> NOT_FILE_SOURCES =
      Set.of("ClaimDecision.java", "ClaimApproval.java");

  private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");

  private static Path repository() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
  }

  private static String doc() throws IOException {
    return Files.readString(repository().resolve("docs/file-formats.md"));
  }

  /** The sources whose codes end up in files: the adapters, and accrual's file sinks and rules. */
  private static Set<String> emittedCodes() throws IOException {
    Path accrual = repository().resolve("modules/accrual/src/main/java/org/openmiles/accrual");
    Set<Path> sources = new TreeSet<>();
    try (Stream<Path> s = Files.walk(repository().resolve("integration-routes/src/main/java"))) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
    }
    try (Stream<Path> s = Files.walk(accrual.resolve("domain"))) {
      s.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !NOT_FILE_SOURCES.contains(p.getFileName().toString()))
          .forEach(sources::add);
    }
    for (String sink :
        new String[] {
          "DefaultPartnerAccrual",
          "PartnerReversals",
          "DefaultFlightAccrual",
          "DefaultBookingAccrual",
          "FlightRater"
        }) {
      sources.add(accrual.resolve("application/" + sink + ".java"));
    }
    Set<String> codes = new TreeSet<>();
    for (Path p : sources) {
      Matcher m = CODE.matcher(Files.readString(p));
      while (m.find()) {
        codes.add(m.group(1));
      }
    }
    codes.removeAll(NOT_FILE_CODES);
    return codes;
  }

  @Test
  void everyCodeAFileAnswerCanCarryIsDocumented() throws IOException {
    Set<String> codes = emittedCodes();
    assertThat(codes)
        .as("the scan finds the codes at all")
        .contains("EMPTY_FILE", "HARD_LINK", "INCOMPLETE_UPLOAD", "NO_EARN_RULE", "INVALID_PNR");
    String doc = doc();
    assertThat(codes.stream().filter(c -> !doc.contains("`" + c + "`")).toList())
        .as("codes written to partners but missing from docs/file-formats.md")
        .isEmpty();
  }

  @Test
  void theAcknowledgementsSentencesAreWordedAsDocumented() throws IOException {
    String doc = doc();
    assertThat(doc)
        .contains(TwoPassFileProcessor.RESUMED_NOTE)
        .contains(TwoPassFileProcessor.duplicateReason(7).replace("7", "<n>"))
        .contains(TwoPassFileProcessor.NOT_VERIFIABLE);
  }
}
